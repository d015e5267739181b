namespace Invordering.Domain.Imports;

/// <summary>One valid row of an assessments (aanslagen) file.</summary>
/// <param name="AssessmentNumber">The aanslagnummer: 1 to 20 letters, digits or dashes.</param>
/// <param name="TaxYear">The belastingjaar.</param>
/// <param name="IssueDate">The dagtekening.</param>
/// <param name="DueDate">The vervaldatum; with several instalments the due date of the first.</param>
/// <param name="Instalments">The number of monthly instalments from the due date (1 to 12).</param>
/// <param name="DirectDebit">Whether the assessment is collected by direct debit.</param>
/// <param name="Amount">The amount of the assessment.</param>
/// <param name="PaymentReference">The betalingskenmerk printed on the bill.</param>
/// <param name="Bsn">The debtor's BSN, for a person; exactly one of Bsn and Kvk is set.</param>
/// <param name="Kvk">The debtor's KvK number, for a business.</param>
/// <param name="Name">The debtor's name.</param>
/// <param name="Street">The street of the address.</param>
/// <param name="HouseNumber">The house number with any addition.</param>
/// <param name="Postcode">The postcode.</param>
/// <param name="City">The place (woonplaats).</param>
/// <param name="Phone">The telephone number as given, when given.</param>
/// <param name="Email">The e-mail address as given, when given.</param>
/// <param name="TaxKind">The kind of tax (belastingsoort), free text, when given.</param>
public sealed record AssessmentRow(
    string AssessmentNumber,
    int TaxYear,
    DateOnly IssueDate,
    DateOnly DueDate,
    int Instalments,
    bool DirectDebit,
    Money Amount,
    PaymentReference PaymentReference,
    Bsn? Bsn,
    KvkNumber? Kvk,
    string Name,
    string Street,
    string HouseNumber,
    Postcode Postcode,
    string City,
    string? Phone,
    string? Email,
    string? TaxKind)
{
    /// <summary>
    /// A 64-bit hash of all fields, the same in every process, so that an assessment number seen again (in this file
    /// or stored earlier) can be told apart as a duplicate (same hash) or a conflict (other hash).
    /// </summary>
    public ulong ComputeContentHash()
    {
        var hash = new ContentHash(stackalloc char[512]);
        try
        {
            hash.Add(AssessmentNumber);
            hash.Add(TaxYear);
            hash.Add(IssueDate.DayNumber);
            hash.Add(DueDate.DayNumber);
            hash.Add(Instalments);
            hash.Add(DirectDebit ? 1 : 0);
            hash.Add(Amount.Cents);
            hash.Add(PaymentReference.Value);
            hash.Add(Bsn?.Value);
            hash.Add(Kvk?.Value);
            hash.Add(Name);
            hash.Add(Street);
            hash.Add(HouseNumber);
            hash.Add(Postcode.Value);
            hash.Add(City);
            hash.Add(Phone);
            hash.Add(Email);
            hash.Add(TaxKind);
            return hash.ToHash();
        }
        finally
        {
            hash.Dispose();
        }
    }
}
