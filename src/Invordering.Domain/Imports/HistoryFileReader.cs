namespace Invordering.Domain.Imports;

/// <summary>
/// Reads a payment history (historie) CSV file row by row, checking every rule of the format. Tax year, assessment
/// number and amount follow the rules of the assessments file; <c>dagen_te_laat</c> may be negative (settled early).
/// </summary>
public sealed class HistoryFileReader
{
    private static readonly CsvSchema Schema = new();
    private static readonly (CsvColumn Bsn, CsvColumn Kvk) DebtorId = Schema.EitherOr("bsn", "kvk");
    private static readonly CsvColumn TaxYear = Schema.Required("belastingjaar");
    private static readonly CsvColumn Number = Schema.Required("aanslagnummer");
    private static readonly CsvColumn Amount = Schema.Required("bedrag");
    private static readonly CsvColumn Outcome = Schema.Required("uitkomst");
    private static readonly CsvColumn DaysLate = Schema.Optional("dagen_te_laat");
    private static readonly CsvColumn SettledOn = Schema.Optional("afgehandeld_op");

    private readonly int _latestTaxYear;

    /// <summary>Creates a reader; <paramref name="today"/> bounds the tax year (2000 to next year, as for assessments).</summary>
    public HistoryFileReader(DateOnly today)
    {
        _latestTaxYear = today.Year + 1;
    }

    /// <summary>
    /// Reads the rows lazily, streaming; the stream stays open.
    /// Throws <see cref="FileRejectedException"/> during enumeration when the file cannot be read as this format.
    /// </summary>
    public IEnumerable<RowResult<HistoryRow>> Read(Stream stream)
    {
        using var csv = new CsvReader(stream);
        CsvRecord record = Schema.Bind(csv);
        var fields = new FieldParser();

        while (record.Read())
        {
            fields.StartRow(record.Line);
            HistoryRow? row = record.CheckStructure(fields) ? ReadRow(record, fields) : null;
            yield return fields.HasErrors || row is null
                ? new RowResult<HistoryRow>(record.Line, null, fields.TakeErrors())
                : new RowResult<HistoryRow>(record.Line, row, []);
        }
    }

    private HistoryRow ReadRow(CsvRecord record, FieldParser fields)
    {
        var (bsn, kvk) = fields.DebtorId(record[DebtorId.Bsn], record[DebtorId.Kvk]);
        return new HistoryRow(
            Bsn: bsn,
            Kvk: kvk,
            TaxYear: fields.TaxYear(record[TaxYear], _latestTaxYear),
            AssessmentNumber: fields.AssessmentNumber(record[Number]),
            Amount: fields.AssessmentAmount(record[Amount]),
            Outcome: fields.Outcome(record[Outcome]),
            DaysLate: fields.DaysLate(record[DaysLate]),
            SettledOn: fields.OptionalDate(record[SettledOn]));
    }
}
