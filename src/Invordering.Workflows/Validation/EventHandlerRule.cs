namespace Invordering.Workflows;

/// <summary>
/// The <c>events</c> section: known event names; each handler gives either an action or a reaction per result;
/// pause and resume name a hold, end names an outcome; letters exist; every hold a resume lifts is put on by some pause.
/// </summary>
internal sealed class EventHandlerRule : IValidationRule
{
    public IEnumerable<ValidationError> Check(ValidationContext context)
    {
        var events = context.Definition.Events;
        foreach (var (name, handler) in events)
        {
            if (CaseEventCatalogue.Find(name) is not { } known)
            {
                yield return Error(name, "onbekende-gebeurtenis",
                    $"bestaat niet; bekende gebeurtenissen: {string.Join(", ", CaseEventCatalogue.All.Select(e => e.Name))}.");
                continue;
            }

            foreach (var error in CheckHandler(context, name, known, handler))
            {
                yield return error;
            }
        }

        var pausedHolds = Reactions(events.Values).Where(r => r.Action == EventAction.Pause).Select(r => r.Hold).ToHashSet();
        foreach (var (name, handler) in events)
        {
            foreach (var reaction in Reactions([handler]).Where(r => r.Action == EventAction.Resume && r.Hold is not null && !pausedHolds.Contains(r.Hold)))
            {
                yield return Error(name, "onbekende-pauze", $"pauze '{reaction.Hold}' wordt door geen enkele gebeurtenis gezet.");
            }
        }
    }

    private static IEnumerable<ValidationError> CheckHandler(
        ValidationContext context, string name, CaseEventDefinition known, EventHandlerDefinition handler)
    {
        if ((handler.Action is null) == (handler.ByResult is null))
        {
            yield return Error(name, "ongeldige-afhandeling", "geef óf een action óf byResult.");
            yield break;
        }

        if (handler.ByResult is null)
        {
            if (known.Results.Count > 0)
            {
                yield return Error(name, "resultaat-ontbreekt",
                    $"deze gebeurtenis heeft een resultaat ({string.Join(", ", known.Results)}); geef per resultaat een reactie in byResult.");
            }

            foreach (var error in CheckReaction(context, name, handler))
            {
                yield return error;
            }

            yield break;
        }

        foreach (var result in handler.ByResult.Keys.Where(r => !known.Results.Contains(r)))
        {
            yield return Error(name, "onbekend-resultaat",
                $"resultaat '{result}' bestaat niet; mogelijk: {(known.Results.Count > 0 ? string.Join(", ", known.Results) : "geen")}.");
        }

        foreach (var result in known.Results.Where(r => !handler.ByResult.ContainsKey(r)))
        {
            yield return Error(name, "resultaat-zonder-reactie", $"er is geen reactie voor resultaat '{result}'.");
        }

        foreach (var (result, reaction) in handler.ByResult)
        {
            if (reaction.Action is null || reaction.ByResult is not null)
            {
                yield return Error(name, "ongeldige-afhandeling", $"de reactie op '{result}' heeft een action en geen byResult.");
                continue;
            }

            foreach (var error in CheckReaction(context, name, reaction))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<ValidationError> CheckReaction(ValidationContext context, string name, EventHandlerDefinition reaction)
    {
        var needsHold = reaction.Action is EventAction.Pause or EventAction.Resume;
        if (needsHold != !string.IsNullOrWhiteSpace(reaction.Hold))
        {
            yield return Error(name, "pauze-naam", needsHold
                ? "pause en resume noemen de pauze (hold) die ze zetten of opheffen."
                : "alleen pause en resume hebben een hold.");
        }

        if ((reaction.Action == EventAction.End) != (reaction.Outcome is not null))
        {
            yield return Error(name, "uitkomst", reaction.Action == EventAction.End
                ? "end noemt de uitkomst (outcome) van de zaak."
                : "alleen end heeft een outcome.");
        }

        if (reaction.Letter is { } letter && !context.TemplateCodes.Contains(letter))
        {
            yield return Error(name, "onbekende-brief", $"briefsjabloon '{letter}' bestaat niet.");
        }

        if (reaction.PayWithinDays is { } days && (reaction.Letter is null || days < 0))
        {
            yield return Error(name, "ongeldige-termijn", "payWithinDays hoort bij een brief en is niet negatief.");
        }
    }

    private static IEnumerable<EventHandlerDefinition> Reactions(IEnumerable<EventHandlerDefinition> handlers) =>
        handlers.SelectMany(h => h.ByResult is null ? [h] : h.ByResult.Values);

    private static ValidationError Error(string eventName, string code, string message) =>
        new(null, code, $"Gebeurtenis '{eventName}': {message}");
}
