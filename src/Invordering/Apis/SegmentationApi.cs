using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Segmentation;
using Invordering.Web.Identity;
using Npgsql;

namespace Invordering.Apis;

/// <summary>
/// /api/segmentation and /api/debtors/{id}/segment: run the segmentation, read a debtor's segment with its
/// reasons, and let a person override it. Every read and change of a person's segment is audited.
/// </summary>
public static class SegmentationApi
{
    public static IEndpointRouteBuilder MapSegmentationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Segmentatie");
        group.MapPost("/segmentation/run", Run).WithName("RunSegmentation").RequireAuthorization(StaffPolicies.SegmentationRun);
        group.MapGet("/debtors/{id:long}/segment", Get).WithName("GetDebtorSegment").RequireAuthorization(StaffPolicies.CaseWork);
        group.MapPost("/debtors/{id:long}/segment/override", Override).WithName("OverrideDebtorSegment").RequireAuthorization(StaffPolicies.CaseWork);
        group.MapPost("/debtors/{id:long}/segment/recompute", Recompute).WithName("RecomputeDebtorSegment").RequireAuthorization(StaffPolicies.CaseWork);
        return app;
    }

    private static async Task<IResult> Run(InvorderingDbContext db, Segmenter segmenter, HttpContext http,
        CancellationToken ct) =>
        await Guarded(async () => Results.Ok(SegmentationRunView.From(await segmenter.SegmentAllAsync(db, Actor(http), ct))));

    private static async Task<IResult> Get(long id, InvorderingDbContext db, Segmenter segmenter, HttpContext http,
        CancellationToken ct)
    {
        var view = await segmenter.DescribeAsync(db, id, Actor(http), http.Request.Path, ct);
        return view is null ? DebtorNotFound(id) : Results.Ok(view);
    }

    private static async Task<IResult> Override(long id, SegmentOverrideRequest request, InvorderingDbContext db, Segmenter segmenter, NpgsqlDataSource dataSource,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = request.Validate(await ServiceClock.TodayAsync(dataSource, time, ct));
        if (errors.Count > 0) return Results.ValidationProblem(errors, "De klantgroep kan zo niet worden vastgezet.", title: "Ongeldige invoer");
        return await Guarded(async () =>
        {
            var change = await segmenter.OverrideAsync(db, id, request, Actor(http), http.Request.Path, ct);
            return change is null ? DebtorNotFound(id) : Results.Ok(change);
        });
    }

    private static async Task<IResult> Recompute(long id, InvorderingDbContext db, Segmenter segmenter, HttpContext http, CancellationToken ct) =>
        await Guarded(async () =>
        {
            var change = await segmenter.ResegmentDebtorAsync(db, id, Actor(http), http.Request.Path, ct);
            return change is null ? DebtorNotFound(id) : Results.Ok(change);
        });

    /// <summary>What segmentation cannot do (no published rule set, an invalid request) is a 409 with the reason in Dutch.</summary>
    private static async Task<IResult> Guarded(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (SegmentationException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Segmentatie niet mogelijk");
        }
    }

    private static IResult DebtorNotFound(long id) => Results.Problem($"Debiteur {id} bestaat niet.", statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden");

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "anoniem";
}

/// <summary>The result of a segmentation run, as the API returns it.</summary>
public sealed record SegmentationRunView(int RuleSetVersion, long Debtors, long Changed, IReadOnlyDictionary<string, long> PerSegment,
    long ActiveOverrides, double Seconds)
{
    public static SegmentationRunView From(SegmentationRunSummary s) =>
        new(s.RuleSetVersion, s.Debtors, s.Changed, s.PerSegment, s.ActiveOverrides, Math.Round(s.Duration.TotalSeconds, 3));
}
