namespace Invordering.Domain.Imports;

/// <summary>The transaction details (<c>NtryDtls/TxDtls</c>) of a camt.053 entry, as text, before any checks.</summary>
internal sealed class CamtTransaction(long line)
{
    public long Line { get; } = line;

    public string? AccountServicerReference { get; private set; }

    public string? EndToEndId { get; private set; }

    public string? Amount { get; private set; }

    public string? Currency { get; private set; }

    public string? DebtorName { get; private set; }

    public string? DebtorIban { get; private set; }

    public string? CreditorName { get; private set; }

    public string? CreditorIban { get; private set; }

    public string? StructuredReference { get; private set; }

    public List<string> UnstructuredRemittance { get; } = [];

    public bool HasReturnInfo { get; set; }

    /// <summary>Takes the text of an element by its path below <c>TxDtls</c>; other elements are ignored.</summary>
    public void Set(string path, string text, string? currency)
    {
        switch (path)
        {
            case "Refs/AcctSvcrRef": AccountServicerReference = text; break;
            case "Refs/EndToEndId": EndToEndId = text; break;
            case "Amt" or "AmtDtls/TxAmt/Amt": (Amount, Currency) = (text, currency); break;
            case "RltdPties/Dbtr/Nm" or "RltdPties/Dbtr/Pty/Nm": DebtorName = text; break;
            case "RltdPties/DbtrAcct/Id/IBAN": DebtorIban = text; break;
            case "RltdPties/Cdtr/Nm" or "RltdPties/Cdtr/Pty/Nm": CreditorName = text; break;
            case "RltdPties/CdtrAcct/Id/IBAN": CreditorIban = text; break;
            case "RmtInf/Strd/CdtrRefInf/Ref": StructuredReference = text; break;
            case "RmtInf/Ustrd": UnstructuredRemittance.Add(text); break;
        }
    }
}
