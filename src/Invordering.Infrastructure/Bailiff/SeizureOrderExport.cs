using System.Globalization;
using Invordering.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Bailiff;

/// <summary>
/// The seizure orders (beslagopdrachten) handed to the external bailiff, as the file the bailiff
/// takes in: CSV, UTF-8, <c>;</c>-separated, one order a line (see docs/deurwaarder.md). Lists every
/// order that is out (status sent), oldest first, with what is open now; the export is audited, as
/// it hands personal data to a third party.
/// </summary>
public sealed class SeizureOrderExport(InvorderingDbContext db)
{
    /// <summary>The columns, in file order.</summary>
    public static readonly string[] Columns =
    [
        "opdrachtnummer", "zaakkenmerk", "naam", "straat", "huisnummer", "postcode", "woonplaats",
        "aanslagnummer", "belastingjaar", "aanslagbedrag", "openstaand", "kosten", "totaal", "datum_opdracht",
    ];

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>One order with what the file says about it.</summary>
    public sealed record Row(long OrderId, long CaseId, string Name, string Street, string HouseNumber, string Postcode, string City,
        string AssessmentNumber, short TaxYear, long AssessmentCents, long OpenCents, long CostsCents, DateOnly OrderedOn);

    /// <summary>Writes the file of every order that is out; returns how many orders it holds.</summary>
    public async Task<int> WriteAsync(TextWriter output, string actor, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<Row>(
            $"""
            SELECT o.id AS "OrderId", o.case_id AS "CaseId", d.name AS "Name", d.street AS "Street", d.house_number AS "HouseNumber",
                   d.postcode AS "Postcode", d.city AS "City", a.assessment_number AS "AssessmentNumber", a.tax_year AS "TaxYear",
                   a.amount_cents AS "AssessmentCents", greatest(a.amount_cents - a.paid_cents, 0) AS "OpenCents",
                   coalesce((SELECT sum(k.amount_cents) FROM case_costs k WHERE k.case_id = o.case_id), 0)::bigint AS "CostsCents",
                   (o.created_at AT TIME ZONE 'Europe/Amsterdam')::date AS "OrderedOn"
            FROM seizure_orders o
            JOIN collection_cases c ON c.id = o.case_id
            JOIN assessments a ON a.id = c.assessment_id
            JOIN debtors d ON d.id = c.debtor_id
            WHERE o.status = 'sent'
            ORDER BY o.id
            """).ToListAsync(ct);

        await output.WriteLineAsync(string.Join(';', Columns));
        foreach (var row in rows) await output.WriteLineAsync(Line(row));
        await output.FlushAsync(ct);

        Audit.Record(db, actor, "seizure-orders-exported", "seizure_order", null, source: "deurwaarder",
            details: new { orders = rows.Select(r => r.OrderId).ToArray() });
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    private static string Line(Row r) => string.Join(';',
        r.OrderId.ToString(CultureInfo.InvariantCulture), $"Z{r.CaseId:D8}", Field(r.Name), Field(r.Street), Field(r.HouseNumber),
        r.Postcode, Field(r.City), r.AssessmentNumber, r.TaxYear.ToString(CultureInfo.InvariantCulture), Euros(r.AssessmentCents),
        Euros(r.OpenCents), Euros(r.CostsCents), Euros(r.OpenCents + r.CostsCents), r.OrderedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Euros with a decimal comma and no thousands separator, as in the import formats: <c>1234,56</c>.</summary>
    private static string Euros(long cents) => (cents / 100m).ToString("0.00", Dutch);

    /// <summary>A text field, quoted when it holds a separator, a quote or a line break.</summary>
    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(";\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
