using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Invordering.Web.Identity;
using Invordering.Web.WorkQueues;
using Microsoft.AspNetCore.Mvc;

namespace Invordering.Apis;

/// <summary>/api/work-queues: what waits for staff (unmatched payments, incidents, office tasks, decisions), and the work queue page's actions.</summary>
public static class WorkQueuesApi
{
    public static IEndpointRouteBuilder MapWorkQueuesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/work-queues").WithTags("Werkvoorraad").RequireAuthorization(StaffPolicies.CaseWork);
        group.MapGet("", (InvorderingDbContext db, HttpContext http) => WorkQueue.LoadAuditedAsync(db, http, http.RequestAborted))
            .WithName("GetWorkQueues");
        group.MapPost("/incidents/{kind}/{id}/retry", Retry).WithName("RetryIncident").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/incidents/{kind}/{id}/skip", Skip).WithName("SkipIncident").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/payments/{id:long}/link", Link).WithName("LinkUnmatchedPayment").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static Task<IResult> Retry(string kind, string id, [AsParameters] CaseWorkApi.StaffActionContext c) =>
        ApiProblems.ActAsync(async () =>
        {
            await WorkQueue.RetryIncidentAsync(c.Db, kind, id, await ServiceClock.TodayAsync(c.DataSource, c.Time, c.Ct), c.Actor, c.Ct);
            return ApiProblems.Done(kind == "workflow"
                ? "De workflow wordt vandaag opnieuw opgepakt. Mislukt het weer, dan verschijnt er een nieuwe storing."
                : "Het bericht wordt opnieuw verwerkt. Mislukt het weer, dan verschijnt er een nieuwe storing.");
        });

    private static Task<IResult> Skip(string kind, string id, ReasonRequest body, [AsParameters] CaseWorkApi.StaffActionContext c) =>
        ApiProblems.ActAsync(async () =>
        {
            await WorkQueue.SkipIncidentAsync(c.Db, kind, id, body.Reason ?? "", c.Actor, c.Ct);
            return ApiProblems.Done("De storing is overgeslagen.");
        });

    private static Task<IResult> Link(long id, LinkPaymentRequest body, [AsParameters] CaseWorkApi.StaffActionContext c) =>
        ApiProblems.ActAsync(async () =>
        {
            await WorkQueue.LinkPaymentAsync(c.Db, id, body.Assessment, c.Actor, c.Ct);
            return ApiProblems.Done("De betaling is aan de aanslag gekoppeld en verwerkt.");
        });
}

/// <summary>The assessment an unmatched payment belongs to: its number or betalingskenmerk.</summary>
public sealed record LinkPaymentRequest(string? Assessment);
