namespace Invordering.Domain.Imports;

/// <summary>
/// Reads a payments (betalingen) file row by row: the CSV format, or an ISO 20022 camt.053 bank statement, recognised by
/// content (its first character other than white space is <c>&lt;</c>). A transaction id seen before in the file is a duplicate.
/// </summary>
public sealed class PaymentFileReader
{
    private const int SniffLength = 1024;

    private static readonly CsvSchema Schema = new();
    private static readonly CsvColumn TransactionId = Schema.Required("transactie_id");
    private static readonly CsvColumn BookingDate = Schema.Required("datum");
    private static readonly CsvColumn Amount = Schema.Required("bedrag");
    private static readonly CsvColumn PaymentReference = Schema.Optional("betalingskenmerk");
    private static readonly CsvColumn Description = Schema.Optional("omschrijving");
    private static readonly CsvColumn CounterpartyIban = Schema.Optional("tegenrekening_iban");
    private static readonly CsvColumn CounterpartyName = Schema.Optional("tegenrekening_naam");

    /// <summary>
    /// Reads the payments lazily, streaming; the stream stays open.
    /// Throws <see cref="FileRejectedException"/> during enumeration when the file cannot be read as either format.
    /// </summary>
    public IEnumerable<RowResult<PaymentRow>> Read(Stream stream)
    {
        var start = new byte[SniffLength];
        int length = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var content = new PrefixedStream(start.AsMemory(0, length), stream);
        IEnumerable<RowResult<PaymentRow>> results = IsXml(start.AsSpan(0, length))
            ? Camt053Reader.Read(content)
            : ReadCsv(content);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (RowResult<PaymentRow> result in results)
        {
            yield return result.Row is not null && !seen.Add(result.Row.TransactionId)
                ? result with { IsDuplicate = true }
                : result;
        }
    }

    /// <summary>Whether the first character after a byte-order mark and white space is <c>&lt;</c>.</summary>
    private static bool IsXml(ReadOnlySpan<byte> start)
    {
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (start.StartsWith(byteOrderMark))
        {
            start = start[byteOrderMark.Length..];
        }
        start = start.TrimStart(" \t\r\n"u8);
        return !start.IsEmpty && start[0] == (byte)'<';
    }

    private static IEnumerable<RowResult<PaymentRow>> ReadCsv(Stream stream)
    {
        using var csv = new CsvReader(stream);
        CsvRecord record = Schema.Bind(csv);
        var fields = new FieldParser();

        while (record.Read())
        {
            fields.StartRow(record.Line);
            PaymentRow? row = record.CheckStructure(fields) ? ReadRow(record, fields) : null;
            yield return fields.HasErrors || row is null
                ? new RowResult<PaymentRow>(record.Line, null, fields.TakeErrors())
                : new RowResult<PaymentRow>(record.Line, row, []);
        }
    }

    private static PaymentRow ReadRow(CsvRecord record, FieldParser fields) => new(
        TransactionId: fields.Required(record[TransactionId]),
        BookingDate: fields.Date(record[BookingDate]) ?? default,
        Amount: fields.PaymentAmount(record[Amount]),
        PaymentReference: fields.OptionalPaymentReference(record[PaymentReference]),
        Description: fields.Optional(record[Description]),
        CounterpartyIban: fields.OptionalIban(record[CounterpartyIban]),
        CounterpartyName: fields.Optional(record[CounterpartyName]));
}
