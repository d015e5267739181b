using System.Text;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Invordering.Pages.Account;

/// <summary>Setting up two-factor sign-in: the authenticator key and otpauth URI, then one code to prove the app works.</summary>
public sealed class TweestapsverificatieModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, InvorderingDbContext db) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [TempData] public string? Done { get; set; }
    public string? Problem { get; private set; }
    public bool Enabled { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Problem = "De code klopt niet. Controleer de sleutel in de app en vul de code in die de app nu laat zien.";
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        Audit.Record(db, user.UserName!, "two-factor-enabled", "staff_user", user.Id, source: Request.Path);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Done = "Tweestapsverificatie staat aan.";
        return Redirect("/");
    }

    private async Task LoadAsync(StaffUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        FormattedKey = InGroupsOfFour(key);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Invordering:" + user.Email)}?secret={key}&issuer=Invordering&digits=6";
    }

    private static string InGroupsOfFour(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
