using Invordering.Infrastructure;
using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Web;
using Invordering.Web.FieldWork;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Apis;

/// <summary>/api/tasks: a field worker's own round, and a task's outcome (their own task only; staff any), as on the pages.</summary>
public static class FieldTasksApi
{
    public static IEndpointRouteBuilder MapFieldTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Taken");
        group.MapGet("/mine", Mine).WithName("GetMyTasks").RequireAuthorization(StaffPolicies.FieldWork);
        group.MapGet("/{id:long}", Get).WithName("GetTask").RequireAuthorization(StaffPolicies.TaskWork)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:long}/take-on", TakeOn).WithName("TakeOnTask").RequireAuthorization(StaffPolicies.FieldWork)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:long}/outcome", Complete).WithName("CompleteTask").RequireAuthorization(StaffPolicies.TaskWork)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<IResult> Mine(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var today = await ServiceClock.TodayAsync(dataSource, time, ct);
        return Results.Ok(await FieldTaskList.LoadAuditedAsync(db, http, CaseAccess.Actor(http.User), today, ct));
    }

    /// <summary>The task page's content: only what doing the task needs; a field worker only their own tasks; audited.</summary>
    private static async Task<IResult> Get(long id, CaseActions actions, InvorderingDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!await CaseAccess.MayDoTaskAsync(http.User, id, db, ct))
        {
            await PersonalDataAudit.DeniedAsync(db, http, "field_task", id);
            return Results.Problem("Deze taak is niet aan u toegewezen.", statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang");
        }
        if (await FieldTaskDetail.LoadAsync(db, actions, id, ct) is not { } detail)
            return Results.Problem($"Taak {id} bestaat niet.", statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden");
        await PersonalDataAudit.ReadAsync(db, http, "field_task", id, new { caseId = detail.Task.CaseId });
        var (t, d) = (detail.Task, detail.Debtor);
        return Results.Ok(new FieldTaskView(t.Id, t.CaseId, t.Kind, detail.KindName, t.Status, t.DueDate, t.AssignedTo,
            d.Name, $"{d.Street} {d.HouseNumber}", d.Postcode, d.City, d.Phone, detail.AssessmentNumber, detail.OpenCents, detail.Segment,
            detail.Outcomes.Select(o => new FieldTaskOutcome(o.Name, o.Label ?? o.Name)).ToList()));
    }

    /// <summary>Takes on one of the team's unassigned tasks, as "Oppakken" on the field worker's page does.</summary>
    private static Task<IResult> TakeOn(long id, InvorderingDbContext db, HttpContext http) =>
        ApiProblems.ActAsync(async () =>
        {
            await FieldTaskList.TakeOnAsync(db, id, CaseAccess.Actor(http.User), http.RequestAborted);
            return ApiProblems.Done("De taak staat nu op uw lijst.");
        });

    private static async Task<IResult> Complete(long id, TaskOutcomeRequest body, CaseActions actions,
        [AsParameters] CaseWorkApi.StaffActionContext c)
    {
        if (!await CaseAccess.MayDoTaskAsync(c.Http.User, id, c.Db, c.Ct))
        {
            await PersonalDataAudit.DeniedAsync(c.Db, c.Http, "field_task", id);
            return Results.Problem("Deze taak is niet aan u toegewezen.", statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang");
        }
        return await ApiProblems.ActAsync(async () =>
        {
            await actions.CompleteTaskAsync(id, body.Outcome, body.Note, await ServiceClock.TodayAsync(c.DataSource, c.Time, c.Ct), c.Actor, c.Ct);
            return ApiProblems.Done("De taak is afgerond. Bedankt!");
        });
    }
}

/// <summary>A task with only what doing it needs, and the outcomes its workflow step offers (none once done).</summary>
public sealed record FieldTaskView(long Id, long CaseId, string Kind, string KindName, string Status, DateOnly DueDate, string? AssignedTo,
    string Name, string Address, string Postcode, string City, string? Phone, string AssessmentNumber, long OpenCents, string Segment,
    IReadOnlyList<FieldTaskOutcome> Outcomes);

/// <summary>An outcome a person can choose, with its Dutch label.</summary>
public sealed record FieldTaskOutcome(string Name, string Label);

/// <summary>One of the task step's outcomes, and an optional note.</summary>
public sealed record TaskOutcomeRequest(string? Outcome, string? Note);
