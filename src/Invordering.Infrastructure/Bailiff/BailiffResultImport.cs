using System.Globalization;
using Invordering.Domain;
using Invordering.Domain.Imports;
using Invordering.Infrastructure.Cases;
using Invordering.Workflows;

namespace Invordering.Infrastructure.Bailiff;

/// <summary>What a results file did: rows read, results recorded, and the reasons rows were rejected.</summary>
public sealed record BailiffResultSummary(int Rows, int Accepted, IReadOnlyList<ImportError> Errors)
{
    public int Rejected => Rows - Accepted;
}

/// <summary>
/// Takes in the bailiff's results file (CSV, <c>;</c>-separated, columns opdrachtnummer, uitkomst
/// and bedrag; see docs/deurwaarder.md). Each valid row is recorded through
/// <see cref="CaseActions.RecordBailiffResultAsync"/>, which audits it and lets the case's workflow
/// move on; a row that breaks a rule is rejected with its line and a Dutch reason, the others go in.
/// A result for an order that is not out (unknown, recalled, or already reported) is rejected.
/// </summary>
public sealed class BailiffResultImport(CaseActions actions)
{
    public const string OrderColumn = "opdrachtnummer";
    public const string OutcomeColumn = "uitkomst";
    public const string AmountColumn = "bedrag";

    /// <summary>Reads the whole file, then records its valid rows.</summary>
    /// <exception cref="FileRejectedException">The file is not a results file (not UTF-8 CSV, or a column is missing); nothing is recorded.</exception>
    public async Task<BailiffResultSummary> ImportAsync(Stream file, string actor, CancellationToken ct)
    {
        var (rows, results, errors) = Read(file);
        var accepted = 0;
        foreach (var result in results)
        {
            try
            {
                await actions.RecordBailiffResultAsync(result.OrderId, result.Outcome.ToSlug(), result.Paid.Cents, actor, ct);
                accepted++;
            }
            catch (CaseActionException e)
            {
                errors.Add(new ImportError(result.Line, OrderColumn, "opdracht-niet-uitgezet", e.Message));
            }
        }
        return new BailiffResultSummary(rows, accepted, errors.OrderBy(e => e.Line).ToList());
    }

    private sealed record Result(long Line, long OrderId, BailiffOutcome Outcome, Money Paid);

    private static (int Rows, List<Result> Results, List<ImportError> Errors) Read(Stream file)
    {
        using var csv = new CsvReader(file);
        int orderIndex = csv.IndexOf(OrderColumn), outcomeIndex = csv.IndexOf(OutcomeColumn), amountIndex = csv.IndexOf(AmountColumn);
        string[] missing = [.. new[] { (OrderColumn, orderIndex), (OutcomeColumn, outcomeIndex), (AmountColumn, amountIndex) }
            .Where(c => c.Item2 < 0).Select(c => c.Item1)];
        if (missing.Length > 0)
            throw new FileRejectedException(FileRejectionCodes.MissingColumn,
                $"Het resultatenbestand mist de kolom {string.Join(" en ", missing)}; de kopregel is {OrderColumn};{OutcomeColumn};{AmountColumn}.");

        var rows = 0;
        var results = new List<Result>();
        var errors = new List<ImportError>();
        while (csv.Read())
        {
            rows++;
            string Field(int index) => index < csv.FieldCount ? csv[index].Trim().ToString() : "";
            var rowErrors = new List<ImportError>();
            void Reject(string column, string code, string message) => rowErrors.Add(new ImportError(csv.Line, column, code, message));

            var orderText = Field(orderIndex);
            if (!long.TryParse(orderText, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId) || orderId < 1)
                Reject(OrderColumn, "opdrachtnummer-ongeldig", $"'{orderText}' is geen opdrachtnummer: gebruik het nummer uit het exportbestand.");

            var outcomeText = Field(outcomeIndex);
            var outcome = EnumSlugExtensions.FromSlug<BailiffOutcome>(outcomeText);
            if (outcome is null)
                Reject(OutcomeColumn, "uitkomst-onbekend", $"'{outcomeText}' is geen uitkomst: kies betaald, deels-betaald of niets-te-halen.");

            var amountText = Field(amountIndex);
            var paid = Money.Zero;
            if (amountText.Length > 0 && (!Money.TryParse(amountText, out paid) || paid < Money.Zero))
                Reject(AmountColumn, "bedrag-ongeldig", $"'{amountText}' is geen bedrag: schrijf euro's als 1234,56, zonder duizendtallen.");
            else if (outcome is BailiffOutcome.Paid or BailiffOutcome.PartlyPaid && paid == Money.Zero)
                Reject(AmountColumn, "bedrag-ontbreekt", $"Bij '{outcomeText}' hoort het bedrag dat de deurwaarder inde, meer dan 0.");
            else if (outcome is BailiffOutcome.NothingToCollect && paid != Money.Zero)
                Reject(AmountColumn, "bedrag-bij-niets-te-halen", "Bij 'niets-te-halen' is het bedrag 0 of leeg.");

            if (rowErrors.Count == 0) results.Add(new Result(csv.Line, orderId, outcome!.Value, paid));
            errors.AddRange(rowErrors);
        }
        return (rows, results, errors);
    }
}
