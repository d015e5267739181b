namespace Invordering.Domain;

/// <summary>The slugs of the history outcomes as used in the history file.</summary>
public static class HistoryOutcomeExtensions
{
    private static readonly HistoryOutcome[] All = Enum.GetValues<HistoryOutcome>();

    extension(HistoryOutcome outcome)
    {
        /// <summary>The stable slug, e.g. <c>na-aanmaning</c>.</summary>
        public string ToSlug() => outcome switch
        {
            HistoryOutcome.OnTime => "op-tijd",
            HistoryOutcome.AfterReminder => "na-herinnering",
            HistoryOutcome.AfterDemand => "na-aanmaning",
            HistoryOutcome.AfterWrit => "na-dwangbevel",
            HistoryOutcome.AfterRenewedWrit => "na-hernieuwd-bevel",
            HistoryOutcome.PaidToBailiff => "deurwaarder-betaald",
            HistoryOutcome.SeizureWithoutResult => "beslag-zonder-resultaat",
            HistoryOutcome.PaymentPlanKept => "regeling-nagekomen",
            HistoryOutcome.PaymentPlanLapsed => "regeling-vervallen",
            HistoryOutcome.RemissionGranted => "kwijtschelding-toegekend",
            HistoryOutcome.RemissionRefused => "kwijtschelding-afgewezen",
            HistoryOutcome.WrittenOff => "oninbaar",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
        };
    }

    extension(HistoryOutcome)
    {
        /// <summary>Reads an outcome from its slug (case-insensitive).</summary>
        public static bool TryParseSlug(ReadOnlySpan<char> slug, out HistoryOutcome outcome)
        {
            foreach (HistoryOutcome candidate in All)
            {
                if (slug.Equals(candidate.ToSlug(), StringComparison.OrdinalIgnoreCase))
                {
                    outcome = candidate;
                    return true;
                }
            }
            outcome = default;
            return false;
        }
    }
}
