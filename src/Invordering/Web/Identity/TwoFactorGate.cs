using System.Security.Claims;

namespace Invordering.Web.Identity;

/// <summary>
/// Administrators must sign in with two factors: until one has set up an authenticator app, every page
/// leads to the set-up page and /api answers 403.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    public const string EnrolmentPath = "/account/tweestapsverificatie";

    public Task InvokeAsync(HttpContext context)
    {
        if (NeedsEnrolment(context.User) && !IsAllowedBeforeEnrolment(context.Request.Path))
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return context.Response.WriteAsJsonAsync(new { title = "Stel eerst tweestapsverificatie in via de website.", status = 403 });
            }
            context.Response.Redirect(EnrolmentPath);
            return Task.CompletedTask;
        }
        return next(context);
    }

    public static bool NeedsEnrolment(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(StaffRoles.Administration) && !user.HasClaim(c => c.Type == StaffClaimsPrincipalFactory.TwoFactorClaim);

    private static bool IsAllowedBeforeEnrolment(PathString path) =>
        path.StartsWithSegments(EnrolmentPath) || path.StartsWithSegments("/account/afmelden") || path.StartsWithSegments("/health")
        || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/css") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/fout");
}
