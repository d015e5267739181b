namespace Invordering.Domain.Imports;

/// <summary>One entry (<c>Ntry</c>) of a camt.053 bank statement, as text, before any checks.</summary>
internal sealed class CamtEntry(long line)
{
    public long Line { get; } = line;

    public string? Amount { get; private set; }

    public string? Currency { get; private set; }

    /// <summary><c>CRDT</c> for money received, <c>DBIT</c> for money leaving the account.</summary>
    public string? CreditDebit { get; private set; }

    public bool IsReversal { get; private set; }

    public string? Status { get; private set; }

    public string? BookingDate { get; private set; }

    public string? AccountServicerReference { get; private set; }

    /// <summary>The ISO bank transaction sub-family code, e.g. <c>RRTN</c> for a return.</summary>
    public string? SubFamilyCode { get; private set; }

    public List<CamtTransaction> Transactions { get; } = [];

    /// <summary>Booked entries count; pending or informational ones do not. An entry without a status is taken as booked.</summary>
    public bool IsBooked => Status is null || Status.Equals("BOOK", StringComparison.OrdinalIgnoreCase);

    /// <summary>Takes the text of an element by its path below <c>Ntry</c>; other elements are ignored.</summary>
    public void Set(string path, string text, string? currency)
    {
        switch (path)
        {
            case "Amt": (Amount, Currency) = (text, currency); break;
            case "CdtDbtInd": CreditDebit = text.Trim(); break;
            case "RvslInd": IsReversal = text.Trim() is "true" or "1"; break;
            case "Sts" or "Sts/Cd": Status = text.Trim(); break;
            case "BookgDt/Dt": BookingDate = text; break;
            case "BookgDt/DtTm": BookingDate = text.Length >= 10 ? text[..10] : text; break;
            case "AcctSvcrRef": AccountServicerReference = text; break;
            case "BkTxCd/Domn/Fmly/SubFmlyCd": SubFamilyCode = text.Trim(); break;
        }
    }
}
