using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Invordering.Pages;

/// <summary>An error page in Dutch that keeps the status code (403, 404, ...).</summary>
[IgnoreAntiforgeryToken]
public sealed class FoutModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            403 => ("Geen toegang", "U mag deze pagina niet bekijken. Denkt u dat dit niet klopt? Vraag het aan uw leidinggevende."),
            404 => ("Niet gevonden", "Deze pagina bestaat niet (meer)."),
            400 => ("Ongeldig verzoek", "Het formulier is verlopen of niet compleet. Ga terug en probeer het opnieuw."),
            _ => ("Er ging iets mis", "Probeer het later opnieuw."),
        };
        // Keep the original status: re-executed requests answer with it; a direct visit answers 200.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null) Response.StatusCode = code;
    }
}
