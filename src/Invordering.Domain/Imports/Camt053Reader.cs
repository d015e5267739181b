namespace Invordering.Domain.Imports;

/// <summary>
/// Turns the entries of a camt.053 bank statement into payments. A booked credit entry is a payment; a debit entry
/// that reverses one (<c>RvslInd</c> true) or returns one (return information, or a return sub-family code) is a
/// reversal with a negative amount; other entries (our own outgoing payments) are no payments and are skipped.
/// A structured reference that is no valid betalingskenmerk is kept in the description instead, since the money
/// was received all the same. A row's line is that of its entry, or of its transaction details in a batch entry.
/// </summary>
internal static class Camt053Reader
{
    private const string NotProvided = "NOTPROVIDED";
    private static readonly HashSet<string> ReturnSubFamilyCodes = new(["RRTN", "UPDD", "RPCR"], StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<RowResult<PaymentRow>> Read(Stream stream)
    {
        using var statement = new CamtXmlReader(stream);
        var fields = new FieldParser();

        while (statement.NextEntry() is { } entry)
        {
            if (!entry.IsBooked)
            {
                continue;
            }
            IReadOnlyList<CamtTransaction> transactions = entry.Transactions.Count > 0 ? entry.Transactions : [new CamtTransaction(entry.Line)];
            for (int i = 0; i < transactions.Count; i++)
            {
                CamtTransaction transaction = transactions[i];
                int? sign = Sign(entry, transaction);
                if (sign is null)
                {
                    continue;
                }

                long line = transactions.Count > 1 ? transaction.Line : entry.Line;
                fields.StartRow(line);
                PaymentRow row = ReadPayment(entry, transaction, i, transactions.Count, sign.Value, fields);
                yield return fields.HasErrors
                    ? new RowResult<PaymentRow>(line, null, fields.TakeErrors())
                    : new RowResult<PaymentRow>(line, row, []);
            }
        }
    }

    /// <summary>+1 for a payment, -1 for a reversal or return of one, null for an entry that is neither.</summary>
    private static int? Sign(CamtEntry entry, CamtTransaction transaction)
    {
        bool returned = transaction.HasReturnInfo || (entry.SubFamilyCode is { } code && ReturnSubFamilyCodes.Contains(code));
        return entry.CreditDebit switch
        {
            "CRDT" when !entry.IsReversal && !returned => 1,
            "DBIT" when entry.IsReversal || returned => -1,
            _ => null,
        };
    }

    private static PaymentRow ReadPayment(CamtEntry entry, CamtTransaction transaction, int index, int count, int sign, FieldParser fields)
    {
        bool single = count == 1;
        Money amount = fields.PaymentAmount(new Field("Amt", (transaction.Amount ?? (single ? entry.Amount : null)).AsSpan().Trim()));
        fields.Euro(new Field("Amt/@Ccy", transaction.Amount is not null ? transaction.Currency : entry.Currency));
        DateOnly? bookingDate = fields.Date(new Field("BookgDt", entry.BookingDate.AsSpan().Trim()));

        string? endToEndId = Given(transaction.EndToEndId);
        string? entryReference = Given(entry.AccountServicerReference);
        if (entryReference is not null && !single)
        {
            entryReference = $"{entryReference}/{index + 1}";
        }
        string transactionId = fields.Required(new Field("AcctSvcrRef", Given(transaction.AccountServicerReference) ?? entryReference ?? endToEndId));

        PaymentReference? paymentReference = null;
        string? description = transaction.UnstructuredRemittance.Count > 0 ? string.Join(" ", transaction.UnstructuredRemittance) : null;
        if (Given(transaction.StructuredReference) is { } structured)
        {
            if (PaymentReference.TryParse(structured, out var valid))
            {
                paymentReference = valid;
            }
            else
            {
                description = description is null ? structured : $"{structured} {description}";
            }
        }

        bool reversal = sign < 0;
        string? counterpartyIban = reversal ? transaction.CreditorIban ?? transaction.DebtorIban : transaction.DebtorIban;
        string? counterpartyName = reversal ? transaction.CreditorName ?? transaction.DebtorName : transaction.DebtorName;

        return new PaymentRow(
            TransactionId: transactionId,
            BookingDate: bookingDate ?? default,
            Amount: reversal ? -amount : amount,
            PaymentReference: paymentReference,
            Description: description,
            CounterpartyIban: Iban.TryParse(counterpartyIban, out var iban) ? iban : null,
            CounterpartyName: Given(counterpartyName),
            EndToEndId: endToEndId,
            ReversalOf: reversal ? endToEndId : null);
    }

    /// <summary>The trimmed text, or null when it is empty or the camt placeholder <c>NOTPROVIDED</c>.</summary>
    private static string? Given(string? text)
    {
        string? trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed == NotProvided ? null : trimmed;
    }
}
