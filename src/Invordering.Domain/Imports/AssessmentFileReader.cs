namespace Invordering.Domain.Imports;

/// <summary>
/// Reads an assessments (aanslagen) CSV file row by row, checking every rule of the format. A number that occurs
/// again with the same content is reported as a duplicate; with other content as an error.
/// </summary>
public sealed class AssessmentFileReader
{
    private static readonly CsvSchema Schema = new();
    private static readonly CsvColumn Number = Schema.Required("aanslagnummer");
    private static readonly CsvColumn TaxYear = Schema.Required("belastingjaar");
    private static readonly CsvColumn IssueDate = Schema.Required("dagtekening");
    private static readonly CsvColumn DueDate = Schema.Required("vervaldatum");
    private static readonly CsvColumn Instalments = Schema.Optional("termijnen");
    private static readonly CsvColumn DirectDebit = Schema.Optional("automatische_incasso");
    private static readonly CsvColumn Amount = Schema.Required("bedrag");
    private static readonly CsvColumn PaymentReference = Schema.Required("betalingskenmerk");
    private static readonly (CsvColumn Bsn, CsvColumn Kvk) DebtorId = Schema.EitherOr("bsn", "kvk");
    private static readonly CsvColumn Name = Schema.Required("naam");
    private static readonly CsvColumn Street = Schema.Required("straat");
    private static readonly CsvColumn HouseNumber = Schema.Required("huisnummer");
    private static readonly CsvColumn Postcode = Schema.Required("postcode");
    private static readonly CsvColumn City = Schema.Required("woonplaats");
    private static readonly CsvColumn Phone = Schema.Optional("telefoon");
    private static readonly CsvColumn Email = Schema.Optional("email");
    private static readonly CsvColumn TaxKind = Schema.Optional("belastingsoort");

    private readonly int _latestTaxYear;

    /// <summary>Creates a reader; <paramref name="today"/> bounds the tax year (at most next year).</summary>
    public AssessmentFileReader(DateOnly today)
    {
        _latestTaxYear = today.Year + 1;
    }

    /// <summary>
    /// Reads the rows lazily, streaming; the stream stays open.
    /// Throws <see cref="FileRejectedException"/> during enumeration when the file cannot be read as this format.
    /// </summary>
    public IEnumerable<RowResult<AssessmentRow>> Read(Stream stream)
    {
        using var csv = new CsvReader(stream);
        CsvRecord record = Schema.Bind(csv);
        var fields = new FieldParser();
        var seen = new SeenAssessmentNumbers();

        while (record.Read())
        {
            fields.StartRow(record.Line);
            AssessmentRow? row = record.CheckStructure(fields) ? ReadRow(record, fields) : null;
            if (row is null || fields.HasErrors)
            {
                yield return new RowResult<AssessmentRow>(record.Line, null, fields.TakeErrors());
                continue;
            }

            ulong hash = row.ComputeContentHash();
            if (!seen.TryAdd(row.AssessmentNumber, hash, record.Line, out var first))
            {
                if (first.ContentHash == hash)
                {
                    yield return new RowResult<AssessmentRow>(record.Line, row, []) { IsDuplicate = true };
                    continue;
                }
                fields.Add(Number.Name, ImportErrorCodes.AssessmentNumberDuplicateDifferent,
                    $"Het aanslagnummer {ImportText.Quote(row.AssessmentNumber)} staat al op regel {first.Line} van dit bestand, met andere gegevens.");
                yield return new RowResult<AssessmentRow>(record.Line, null, fields.TakeErrors());
                continue;
            }
            yield return new RowResult<AssessmentRow>(record.Line, row, []);
        }
    }

    private AssessmentRow ReadRow(CsvRecord record, FieldParser fields)
    {
        string number = fields.AssessmentNumber(record[Number]);
        int taxYear = fields.TaxYear(record[TaxYear], _latestTaxYear);
        DateOnly? issueDate = fields.Date(record[IssueDate]);
        DateOnly? dueDate = fields.Date(record[DueDate]);
        fields.DueDateNotBeforeIssueDate(DueDate.Name, issueDate, dueDate);
        var (bsn, kvk) = fields.DebtorId(record[DebtorId.Bsn], record[DebtorId.Kvk]);

        return new AssessmentRow(
            AssessmentNumber: number,
            TaxYear: taxYear,
            IssueDate: issueDate ?? default,
            DueDate: dueDate ?? default,
            Instalments: fields.Instalments(record[Instalments]),
            DirectDebit: fields.DirectDebit(record[DirectDebit]),
            Amount: fields.AssessmentAmount(record[Amount]),
            PaymentReference: fields.PaymentReference(record[PaymentReference]),
            Bsn: bsn,
            Kvk: kvk,
            Name: fields.Required(record[Name]),
            Street: fields.Required(record[Street]),
            HouseNumber: fields.Required(record[HouseNumber]),
            Postcode: fields.Postcode(record[Postcode]),
            City: fields.Required(record[City]),
            Phone: fields.Phone(record[Phone]),
            Email: fields.Email(record[Email]),
            TaxKind: fields.Optional(record[TaxKind]));
    }
}
