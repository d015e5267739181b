namespace Invordering.Workflows.Simulation;

/// <summary>One synthetic debtor with one unpaid claim: their hidden behaviour, the claim's amount and whether a phone number is known.</summary>
public sealed record SyntheticDebtor(long Id, Behaviour Behaviour, long AmountCents, bool HasPhoneNumber);

/// <summary>
/// Synthetic debtors as the demo makes them (the same amounts, the same chance of a known phone number), for the
/// workflow simulation: debtors whose claim is overdue and who were sorted into one segment.
/// </summary>
public static class SyntheticPopulation
{
    /// <summary>The due date of the synthetic assessments: the demo's and the simulation's day 0.</summary>
    public static readonly DateOnly DueDate = new(2026, 4, 30);

    /// <summary>The smallest claim, in cents.</summary>
    public const int MinAmountCents = 4_500;

    /// <summary>One more than the largest claim, in cents.</summary>
    public const int MaxAmountCents = 95_000;

    /// <summary>The chance a phone number is known for a debtor: lower for those who cannot pay.</summary>
    public static double PhoneNumberChance(Behaviour behaviour) => behaviour == Behaviour.CannotPay ? 0.55 : 0.75;

    /// <summary>
    /// The hidden behaviours of the debtors whose cases run in a segment's workflow. Segmentation from payment
    /// history sorts most debtors right, not all: a share of each segment behaves like another. Those who pay on
    /// time never get a case. These shares are the simulation's assumption; the per-debtor behaviour they lead to
    /// is the demo's.
    /// </summary>
    public static IReadOnlyList<(Behaviour Behaviour, double Share)> Mix(string segment) => segment switch
    {
        SegmentSlug.KanNiet => [(Behaviour.CannotPay, 0.85), (Behaviour.WontPay, 0.10), (Behaviour.Forgetful, 0.05)],
        SegmentSlug.WilNiet => [(Behaviour.WontPay, 0.85), (Behaviour.Forgetful, 0.10), (Behaviour.CannotPay, 0.05)],
        _ => [(Behaviour.Forgetful, 0.85), (Behaviour.WontPay, 0.10), (Behaviour.CannotPay, 0.05)],
    };

    /// <summary><paramref name="count"/> debtors of <paramref name="segment"/>, numbered 1 to count; the same seed gives the same debtors.</summary>
    public static IReadOnlyList<SyntheticDebtor> Draw(string segment, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var chance = new Chance(seed);
        var mix = Mix(segment);
        var debtors = new SyntheticDebtor[count];
        for (var id = 1; id <= count; id++)
        {
            var behaviour = Pick(mix, chance.Of(id, "gedrag"));
            var amount = MinAmountCents + (long)(chance.Of(id, "bedrag") * (MaxAmountCents - MinAmountCents));
            debtors[id - 1] = new SyntheticDebtor(id, behaviour, amount, chance.Of(id, "telefoon") < PhoneNumberChance(behaviour));
        }
        return debtors;
    }

    private static Behaviour Pick(IReadOnlyList<(Behaviour Behaviour, double Share)> mix, double r)
    {
        foreach (var (behaviour, share) in mix)
        {
            if (r < share) return behaviour;
            r -= share;
        }
        return mix[^1].Behaviour;
    }
}
