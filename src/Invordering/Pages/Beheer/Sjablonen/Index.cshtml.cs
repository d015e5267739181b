using Invordering.Infrastructure.Letters;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Web;
using Npgsql;

namespace Invordering.Pages.Beheer.Sjablonen;

/// <summary>The letter templates (layout, partials, letters) with their published and draft version.</summary>
public sealed class SjablonenModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    public IReadOnlyList<TemplateSummary> Templates { get; private set; } = [];

    public async Task OnGetAsync() => Templates = await LetterTemplateStore.ListAsync(Db, HttpContext.RequestAborted);

    /// <summary>The Dutch name of a template's kind.</summary>
    public static string KindName(string kind) => kind switch
    {
        LetterTemplateKinds.Layout => "opmaak",
        LetterTemplateKinds.Partial => "onderdeel",
        _ => "brief",
    };
}
