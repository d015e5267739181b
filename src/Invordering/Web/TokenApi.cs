using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace Invordering.Web;

/// <summary>
/// POST /api/token: a bearer token for programs calling /api, for an e-mail address and password (and the
/// six-digit code of the authenticator app where two-factor sign-in is set up). Wrong passwords count toward lockout.
/// </summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/token", IssueAsync).WithTags("Aanmelden").WithName("IssueToken").AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> IssueAsync(TokenRequest request, UserManager<StaffUser> users, SignInManager<StaffUser> signIn,
        InvorderingDbContext db, HttpContext http)
    {
        var refused = Results.Problem("E-mailadres, wachtwoord of code klopt niet.", statusCode: StatusCodes.Status401Unauthorized, title: "Niet aangemeld");
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password)) return refused;
        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null) return refused;

        var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
            return Results.Problem("Te vaak een verkeerd wachtwoord: het account is tijdelijk geblokkeerd.", statusCode: StatusCodes.Status401Unauthorized, title: "Geblokkeerd");
        if (!check.Succeeded) return refused;
        if (user.TwoFactorEnabled)
        {
            var code = (request.Code ?? "").Replace(" ", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return refused;
            }
        }
        else if (await users.IsInRoleAsync(user, StaffRoles.Administration))
            return Results.Problem("Stel eerst tweestapsverificatie in via de website.", statusCode: StatusCodes.Status403Forbidden, title: "Tweestapsverificatie nodig");

        Audit.Record(db, user.UserName!, "token-issued", "staff_user", user.Id, source: http.Request.Path);
        await db.SaveChangesAsync(http.RequestAborted);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}

/// <summary>Who asks for a token: e-mail address, password and, with two-factor sign-in, the code from the app.</summary>
public sealed record TokenRequest(string? Email, string? Password, string? Code = null);
