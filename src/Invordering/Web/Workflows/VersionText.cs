using Invordering.Letters;

namespace Invordering.Web.Workflows;

/// <summary>A version's status and its moments as the administrators' screens say them.</summary>
public static class VersionText
{
    public static string Of(string status) => status switch
    {
        "draft" => "concept",
        "published" => "gepubliceerd",
        "retired" => "ingetrokken",
        _ => status,
    };

    public static string When(DateTimeOffset? at, string? who) =>
        at is { } moment ? $"{DutchFormat.Date(DateOnly.FromDateTime(moment.UtcDateTime))} {moment.UtcDateTime:HH:mm} UTC" + (who is null ? "" : $" door {who}") : "";
}
