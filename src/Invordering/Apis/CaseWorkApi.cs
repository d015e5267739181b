using Invordering.Infrastructure;
using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Web;
using Invordering.Web.Cases;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invordering.Apis;

/// <summary>
/// /api/cases for staff: search, and the case page's actions (payment plan, remission, objection with deferral, pause and
/// resume, note, write-off) through the same services, with the same checks and audit rows.
/// </summary>
public static class CaseWorkApi
{
    public static IEndpointRouteBuilder MapCaseWorkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases").WithTags("Zaken").RequireAuthorization(StaffPolicies.CaseWork)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        // A POST, so the term (a BSN, say) never stands in a URL that proxies and access logs keep.
        group.MapPost("/search", Search).WithName("SearchCases").ProducesValidationProblem();
        group.MapPost("/{id:long}/payment-plan", (long id, PaymentPlanRequest body, CaseActions actions, [AsParameters] StaffActionContext c) =>
                ActAsync(id, c, today => actions.AgreePaymentPlanAsync(id, body.Terms, body.FirstDue, today, c.Actor, c.Ct),
                    $"Betalingsregeling van {body.Terms} termijnen vastgelegd."))
            .WithName("AgreePaymentPlan");
        group.MapPost("/{id:long}/remission-request", (long id, CaseActions actions, [AsParameters] StaffActionContext c) =>
                ActAsync(id, c, today => actions.RequestRemissionAsync(id, today, c.Actor, c.Ct),
                    "Verzoek om kwijtschelding vastgelegd. De invordering staat stil tot het besluit."))
            .WithName("RequestRemission");
        group.MapPost("/{id:long}/remission-decision", (long id, RemissionDecisionRequest body, CaseActions actions, [AsParameters] StaffActionContext c) =>
                ActAsync(id, c, today => actions.DecideRemissionAsync(id, body.Decision, body.Reason, today, c.Actor, c.Ct),
                    body.Decision == "toegekend" ? "Kwijtschelding toegekend." : "Kwijtschelding afgewezen."))
            .WithName("DecideRemission");
        group.MapPost("/{id:long}/objection", (long id, ReasonRequest body, CaseInterventions interventions, [AsParameters] StaffActionContext c) =>
                ActAsync(id, c, today => interventions.GrantDeferralAsync(id, body.Reason ?? "", today, c.Actor, c.Ct),
                    "Bezwaar met uitstel vastgelegd. De invordering staat stil tot het uitstel eindigt."))
            .WithName("GrantObjectionDeferral");
        group.MapPost("/{id:long}/objection/end", (long id, ReasonRequest body, CaseInterventions interventions, [AsParameters] StaffActionContext c) =>
                ActAsync(id, c, today => interventions.EndDeferralAsync(id, body.Reason ?? "", today, c.Actor, c.Ct),
                    "Het uitstel is beëindigd. De invordering loopt weer."))
            .WithName("EndObjectionDeferral");
        group.MapPost("/{id:long}/pause", (long id, ReasonRequest body, CaseInterventions interventions, [AsParameters] StaffActionContext c) =>
                ActAsync(id, c, today => interventions.PauseAsync(id, body.Reason ?? "", today, c.Actor, c.Ct), "De zaak is gepauzeerd."))
            .WithName("PauseCase");
        group.MapPost("/{id:long}/resume", (long id, ReasonRequest body, CaseInterventions interventions, [AsParameters] StaffActionContext c) =>
                ActAsync(id, c, today => interventions.ResumeAsync(id, body.Reason ?? "", today, c.Actor, c.Ct), "De zaak is hervat."))
            .WithName("ResumeCase");
        group.MapPost("/{id:long}/notes", (long id, NoteRequest body, CaseInterventions interventions, [AsParameters] StaffActionContext c) =>
                ActAsync(id, c, _ => interventions.WriteNoteAsync(id, body.Text ?? "", c.Actor, c.Ct), "Notitie opgeslagen."))
            .WithName("WriteCaseNote");
        group.MapPost("/{id:long}/write-off", (long id, ReasonRequest body, CaseInterventions interventions, [AsParameters] StaffActionContext c) =>
                ActAsync(id, c, today => interventions.WriteOffAsync(id, body.Reason ?? "", today, c.Actor, c.Ct),
                    "De vordering is oninbaar verklaard en de zaak is afgesloten."))
            .WithName("WriteOffCase");
        return app;
    }

    /// <summary>Search by BSN, name, assessment number, postcode or betalingskenmerk; the BSN masked; audited without the term.</summary>
    private static async Task<IResult> Search(CaseSearchRequest body, InvorderingDbContext db, HttpContext http, CancellationToken ct)
    {
        var query = body.Query;
        if (string.IsNullOrWhiteSpace(query))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = ["Vul een BSN, naam, aanslagnummer, postcode of betalingskenmerk in."] },
                title: "Ongeldige invoer");
        return Results.Ok(await CaseSearch.FindAuditedAsync(db, http, query, ct));
    }

    private static async Task<IResult> ActAsync(long id, StaffActionContext c, Func<DateOnly, Task> action, string done)
    {
        if (!await c.Db.CollectionCases.AnyAsync(x => x.Id == id, c.Ct))
            return Results.Problem($"Zaak {id} bestaat niet.", statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden");
        return await ApiProblems.ActAsync(async () =>
        {
            await action(await ServiceClock.TodayAsync(c.DataSource, c.Time, c.Ct));
            return ApiProblems.Done(done);
        });
    }

    /// <summary>What every action needs: the database, the service's clock and who acts.</summary>
    public sealed record StaffActionContext(InvorderingDbContext Db, NpgsqlDataSource DataSource, TimeProvider Time, HttpContext Http)
    {
        public string Actor => CaseAccess.Actor(Http.User);
        public CancellationToken Ct => Http.RequestAborted;
    }
}

/// <summary>A BSN, name, assessment number, postcode or betalingskenmerk.</summary>
public sealed record CaseSearchRequest(string? Query);

public sealed record PaymentPlanRequest(int Terms, DateOnly? FirstDue);

public sealed record RemissionDecisionRequest(string? Decision, string? Reason);

public sealed record ReasonRequest(string? Reason);

public sealed record NoteRequest(string? Text);
