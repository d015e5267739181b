using Invordering.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Invordering.Pages.Account;

/// <summary>The second step of signing in: the six-digit code of the authenticator app.</summary>
public sealed class TweestapsModel(SignInManager<StaffUser> signIn) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/Aanmelden") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/Aanmelden");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync((Code ?? "").Replace(" ", ""), isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        Problem = result.IsLockedOut
            ? "U heeft te vaak een verkeerde code ingevuld. Uw account is 15 minuten geblokkeerd."
            : "De code klopt niet. Vul de code in die de app nu laat zien.";
        return Page();
    }
}
