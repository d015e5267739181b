namespace Invordering.Web.Cases;

/// <summary>A note a staff member wrote on a case; shown in its timeline, never changed.</summary>
public sealed class CaseNote
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Text { get; set; }
    public required string WrittenBy { get; set; }
    public DateTimeOffset WrittenAt { get; set; }
}
