namespace Invordering.Domain.Imports;

/// <summary>One valid payment from a payments (betalingen) CSV file or a camt.053 bank statement.</summary>
/// <param name="TransactionId">The bank's unique reference; a second payment with the same id is a duplicate.</param>
/// <param name="BookingDate">The booking date.</param>
/// <param name="Amount">Positive for money received; negative for a reversal (storno) that undoes a payment.</param>
/// <param name="PaymentReference">The betalingskenmerk the payer gave, when it is a valid one.</param>
/// <param name="Description">The free-text description; an assessment number in it is the fallback match.</param>
/// <param name="CounterpartyIban">The account of the payer (or, for a reversal, of the party paid back), when valid.</param>
/// <param name="CounterpartyName">The name of that party.</param>
/// <param name="EndToEndId">The payer's end-to-end id (camt.053 only), when given.</param>
/// <param name="ReversalOf">For a camt.053 reversal: the end-to-end id of the payment it undoes, when the bank gives it.</param>
public sealed record PaymentRow(
    string TransactionId,
    DateOnly BookingDate,
    Money Amount,
    PaymentReference? PaymentReference,
    string? Description,
    Iban? CounterpartyIban,
    string? CounterpartyName,
    string? EndToEndId = null,
    string? ReversalOf = null)
{
    /// <summary>Whether this undoes an earlier payment.</summary>
    public bool IsReversal => Amount < Money.Zero;
}
