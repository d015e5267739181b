using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Invordering.Pages.Beheer;

/// <summary>The administrators' landing page: the screens where they set up how collection works.</summary>
public sealed class BeheerModel : PageModel
{
    public void OnGet()
    {
    }
}
