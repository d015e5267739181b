using System.Net.Http.Headers;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invordering.Tests.Web;

/// <summary>Accounts for tests: created through Identity in the app under test, with a bearer token minted by the app's own protector.</summary>
public static class StaffLogins
{
    public const string Password = "correct-paard-batterij-niet";

    /// <summary>Creates an account with the roles (administrators count as having set up two-factor sign-in).</summary>
    public static async Task<StaffUser> CreateAsync(WebApplication app, string email, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRolesAsync(user, roles));
        if (roles.Contains(StaffRoles.Administration)) Check(await users.SetTwoFactorEnabledAsync(user, true));
        return user;
    }

    /// <summary>A bearer token for the account, as /api/token would issue it (without the round trip and its two-factor code).</summary>
    public static async Task<string> TokenAsync(WebApplication app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await users.FindByEmailAsync(email))!);
        var options = app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, IdentityConstants.BearerScheme);
        return options.BearerTokenProtector.Protect(ticket);
    }

    /// <summary>Makes the client call as a new account with the roles; returns its e-mail address.</summary>
    public static async Task<string> AuthorizeAsync(WebApplication app, HttpClient client, params string[] roles)
    {
        var email = $"{string.Join("-", roles)}-{Guid.NewGuid():N}@test.invordering.nl";
        await CreateAsync(app, email, roles);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(app, email));
        return email;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
