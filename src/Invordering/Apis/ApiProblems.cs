using Invordering.Infrastructure.Cases;

namespace Invordering.Apis;

/// <summary>How the staff API answers an action that cannot be done: the same Dutch reason the page shows, as ProblemDetails.</summary>
internal static class ApiProblems
{
    public static async Task<IResult> ActAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (CaseActionException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Niet uitgevoerd");
        }
    }

    public static IResult Done(string message) => Results.Ok(new ActionDone(message));
}

/// <summary>An action through the API was done; the message is the one the page shows.</summary>
public sealed record ActionDone(string Message);
