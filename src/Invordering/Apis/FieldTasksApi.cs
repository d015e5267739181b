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
        group.MapPost("/{id:long}/outcome", Complete).WithName("CompleteTask").RequireAuthorization(StaffPolicies.TaskWork)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<IResult> Mine(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var today = await ServiceClock.TodayAsync(dataSource, time, ct);
        return Results.Ok(await FieldTaskList.LoadAuditedAsync(db, http, CaseAccess.Actor(http.User), today, ct));
    }

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

/// <summary>One of the task step's outcomes, and an optional note.</summary>
public sealed record TaskOutcomeRequest(string? Outcome, string? Note);
