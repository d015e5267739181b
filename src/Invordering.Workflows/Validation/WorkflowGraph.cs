namespace Invordering.Workflows;

/// <summary>The steps of a definition as a directed graph along their outcomes, with the path analyses the validator needs.</summary>
public sealed class WorkflowGraph
{
    /// <summary>The value <see cref="DaysSinceLast"/> gives a step when some path to it has no marker step.</summary>
    public const int NoMarkerOnSomePath = -1;

    private readonly WorkflowDefinition definition;

    /// <summary>Builds the graph of <paramref name="definition"/>.</summary>
    public WorkflowGraph(WorkflowDefinition definition) => this.definition = definition;

    /// <summary>The existing steps <paramref name="stepId"/> leads to.</summary>
    public IEnumerable<string> Successors(string stepId) =>
        definition.FindStep(stepId)?.Transitions().Select(t => t.Target).Where(definition.Steps.ContainsKey).Distinct() ?? [];

    /// <summary>The steps reachable from <paramref name="from"/> (itself included), optionally only through steps matching <paramref name="through"/>.</summary>
    public IReadOnlySet<string> ReachableFrom(string from, Func<WorkflowStep, bool>? through = null)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var id))
        {
            if (definition.FindStep(id) is not { } step || !seen.Add(id) || (through is not null && !through(step)))
            {
                continue;
            }

            foreach (var next in Successors(id))
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }

    /// <summary>
    /// For every step reachable from the start: the fewest calendar days that pass, on any path from the start,
    /// between the last step matching <paramref name="isMarker"/> and entering that step; or
    /// <see cref="NoMarkerOnSomePath"/> when a path reaches it without passing a marker.
    /// </summary>
    public IReadOnlyDictionary<string, int> DaysSinceLast(Func<WorkflowStep, bool> isMarker)
    {
        var entry = new Dictionary<string, int>();
        if (!definition.Steps.ContainsKey(definition.StartStepId))
        {
            return entry;
        }

        entry[definition.StartStepId] = NoMarkerOnSomePath;
        var queue = new Queue<string>([definition.StartStepId]);
        while (queue.TryDequeue(out var id))
        {
            var step = definition.Steps[id];
            var leaving = isMarker(step) ? step.MinimumDays()
                : entry[id] == NoMarkerOnSomePath ? NoMarkerOnSomePath
                : entry[id] + step.MinimumDays();
            foreach (var next in Successors(id))
            {
                // Lower is worse (fewer days, or no marker at all); keep the worst path.
                if (!entry.TryGetValue(next, out var known) || leaving < known)
                {
                    entry[next] = leaving;
                    queue.Enqueue(next);
                }
            }
        }

        return entry;
    }
}
