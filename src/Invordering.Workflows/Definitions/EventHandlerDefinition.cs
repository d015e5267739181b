namespace Invordering.Workflows;

/// <summary>
/// How a workflow reacts to a case-wide event: one action (with its hold, outcome or letter), or, for events with
/// a result such as <c>kwijtschelding-besloten</c>, a reaction per result in <see cref="ByResult"/>.
/// </summary>
public sealed record EventHandlerDefinition
{
    /// <summary>What to do; null when <see cref="ByResult"/> is used.</summary>
    public EventAction? Action { get; init; }

    /// <summary>The hold a pause puts on or a resume lifts, such as <c>regeling</c>.</summary>
    public string? Hold { get; init; }

    /// <summary>The outcome an end action closes the case with.</summary>
    public CaseOutcome? Outcome { get; init; }

    /// <summary>A letter (without costs) to send as part of the reaction.</summary>
    public string? Letter { get; init; }

    /// <summary>The payment term of that letter, in calendar days.</summary>
    public int? PayWithinDays { get; init; }

    /// <summary>A reaction per event result (for example <c>toegekend</c>, <c>afgewezen</c>).</summary>
    public IReadOnlyDictionary<string, EventHandlerDefinition>? ByResult { get; init; }

    /// <summary>The reaction for an event with <paramref name="result"/>: the per-result reaction, or this one.</summary>
    public EventHandlerDefinition? For(string? result) =>
        ByResult is null ? this : result is not null ? ByResult.GetValueOrDefault(result) : null;
}
