using Invordering.Domain;
using Invordering.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Web.Cases;

/// <summary>
/// Finds cases by one search term, recognising what it is: a BSN (9 digits, 11-proef), a betalingskenmerk
/// (16 digits), a postcode, or else an assessment number or part of a name.
/// </summary>
public static class CaseSearch
{
    public const int MaxResults = 50;

    public static string KindOf(string term)
    {
        var digits = new string(term.Where(char.IsDigit).ToArray());
        if (digits.Length == term.Replace(" ", "").Length && digits.Length == 9 && Bsn.TryParse(digits, out _)) return "bsn";
        if (digits.Length == term.Replace(" ", "").Length && digits.Length == 16) return "betalingskenmerk";
        if (Postcode.TryParse(term, out _)) return "postcode";
        return "aanslagnummer-of-naam";
    }

    public static async Task<IReadOnlyList<CaseSearchHit>> FindAsync(InvorderingDbContext db, string term, CancellationToken ct)
    {
        term = term.Trim();
        var cases = db.CollectionCases.AsNoTracking()
            .Join(db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { Case = c, Assessment = a })
            .Join(db.Debtors, x => x.Case.DebtorId, d => d.Id, (x, d) => new { x.Case, x.Assessment, Debtor = d });
        var kind = KindOf(term);
        var digits = new string(term.Where(char.IsDigit).ToArray());
        cases = kind switch
        {
            "bsn" => cases.Where(x => x.Debtor.Bsn == digits),
            "betalingskenmerk" => cases.Where(x => x.Assessment.PaymentReference == digits),
            "postcode" when Postcode.TryParse(term, out var postcode) => cases.Where(x => x.Debtor.Postcode == postcode.Value),
            _ => cases.Where(x => x.Assessment.AssessmentNumber == term || EF.Functions.ILike(x.Debtor.Name, "%" + Like(term) + "%")),
        };
        var rows = await cases.OrderBy(x => x.Case.Status == "open" ? 0 : 1).ThenByDescending(x => x.Case.OpenedOn).Take(MaxResults)
            .Select(x => new { x.Case.Id, x.Case.Status, x.Case.Segment, x.Debtor.Name, x.Debtor.Bsn, x.Debtor.Postcode, x.Assessment.AssessmentNumber,
                x.Assessment.AmountCents, x.Assessment.PaidCents })
            .ToListAsync(ct);
        return rows.Select(r => new CaseSearchHit(r.Id, r.Status, r.Segment, r.Name, r.Bsn is null ? null : Bsn.Mask(r.Bsn), r.Postcode,
            r.AssessmentNumber, Math.Max(0, r.AmountCents - r.PaidCents))).ToList();
    }

    /// <summary>Finds cases and audits the search with the kind of term and the cases found, never the term itself (page and API).</summary>
    public static async Task<IReadOnlyList<CaseSearchHit>> FindAuditedAsync(InvorderingDbContext db, HttpContext http, string term, CancellationToken ct)
    {
        var hits = await FindAsync(db, term, ct);
        await PersonalDataAudit.ReadAsync(db, http, "case_search", null, new { kind = KindOf(term.Trim()), cases = hits.Select(h => h.CaseId).ToArray() });
        return hits;
    }

    private static string Like(string term) => term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

/// <summary>A case found: the BSN only masked.</summary>
public sealed record CaseSearchHit(long CaseId, string Status, string Segment, string Name, string? BsnMasked, string Postcode, string AssessmentNumber, long OpenCents);
