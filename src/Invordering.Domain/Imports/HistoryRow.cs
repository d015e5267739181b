namespace Invordering.Domain.Imports;

/// <summary>One valid row of a payment history (historie) file from the previous system, used for segmentation.</summary>
/// <param name="Bsn">The debtor's BSN, for a person; exactly one of Bsn and Kvk is set.</param>
/// <param name="Kvk">The debtor's KvK number, for a business.</param>
/// <param name="TaxYear">The belastingjaar of the assessment.</param>
/// <param name="AssessmentNumber">The aanslagnummer.</param>
/// <param name="Amount">The amount of the assessment.</param>
/// <param name="Outcome">How the assessment was settled.</param>
/// <param name="DaysLate">Whole days after the due date that it was settled (negative when early), when known.</param>
/// <param name="SettledOn">The date it was settled, when known.</param>
public sealed record HistoryRow(
    Bsn? Bsn,
    KvkNumber? Kvk,
    int TaxYear,
    string AssessmentNumber,
    Money Amount,
    HistoryOutcome Outcome,
    int? DaysLate,
    DateOnly? SettledOn);
