using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Invordering.Pages;

/// <summary>The start page: where each role can go.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
