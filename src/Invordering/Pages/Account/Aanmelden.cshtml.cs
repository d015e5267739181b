using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Invordering.Pages.Account;

/// <summary>Sign-in with e-mail address and password; on to the code when two-factor sign-in is set up. Five wrong passwords lock the account for 15 minutes.</summary>
public sealed class AanmeldenModel(SignInManager<StaffUser> signIn, InvorderingDbContext db) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [TempData] public string? Done { get; set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Problem = "Vul uw e-mailadres en wachtwoord in.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/Tweestaps", new { ReturnUrl });
        if (result.IsLockedOut)
        {
            Audit.Record(db, Email.Trim(), "sign-in-locked-out", "staff_user", null, source: Request.Path);
            await db.SaveChangesAsync();
            Problem = "U heeft te vaak een verkeerd wachtwoord ingevuld. Uw account is 15 minuten geblokkeerd.";
            return Page();
        }
        if (!result.Succeeded)
        {
            Problem = "Het e-mailadres of wachtwoord klopt niet.";
            return Page();
        }
        Audit.Record(db, Email.Trim(), "sign-in", "staff_user", null, source: Request.Path);
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
