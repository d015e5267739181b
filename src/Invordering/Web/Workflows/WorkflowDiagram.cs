using System.Net;
using System.Text;
using Invordering.Workflows;
using Microsoft.AspNetCore.Html;

namespace Invordering.Web.Workflows;

/// <summary>What a step does, in a short Dutch line for the diagram and the step list.</summary>
public static class StepText
{
    public static string Describe(WorkflowStep step) => step switch
    {
        LetterStep l => $"brief {l.Template}" + (l.Cost is { } cost ? $", kosten {cost.ToSlug()}" : "") + (l.PayWithinDays is { } d ? $", betalen binnen {d} dagen" : ""),
        WaitStep w => $"wacht {w.Days} {(w.Kind == WaitKind.Calendar ? "kalenderdagen" : "werkdagen")}",
        DecisionStep d => $"beslissing met {d.Branches.Count} {(d.Branches.Count == 1 ? "tak" : "takken")}",
        TaskStep t => $"taak {t.Kind.ToSlug()}, binnen {t.DueWithinWorkingDays} werkdagen",
        HandoffStep => "beslagopdracht aan de deurwaarder",
        SwitchStep s => s.Workflow is { } w ? $"verder in workflow {w}" : $"verder als {s.Segment}",
        EndStep e => $"einde: {e.Outcome.ToSlug()}",
        _ => "stap",
    };

    /// <summary>The outcomes of a step with the label an arrow carries (empty for the plain "next").</summary>
    public static IEnumerable<(string Label, string Target)> Arrows(WorkflowStep step) => step switch
    {
        DecisionStep d => d.Branches.Select(b => (b.When.Describe(), b.Target)).Append(("anders", d.Otherwise)),
        TaskStep t => t.Outcomes.Select(o => (o.Name, o.Target)),
        _ => step.Transitions().Select(t => (t.Outcome == "next" ? "" : t.Outcome, t.Target)),
    };
}

/// <summary>
/// A definition drawn as inline SVG on the server: steps as boxes in rows by their distance from the start, outcomes
/// as labelled arrows, waits with their days. The page lists the same steps as text beside it.
/// </summary>
public static class WorkflowDiagram
{
    private const int BoxWidth = 210, BoxHeight = 58, ColumnGap = 40, RowGap = 56, Margin = 16;

    public static IHtmlContent Render(WorkflowDefinition definition)
    {
        var depth = Depths(definition);
        var rows = WorkflowDocument.StepOrder(definition).GroupBy(id => depth[id]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var columns = Math.Max(1, rows.Max(r => r.Count));
        var width = Margin * 2 + columns * BoxWidth + (columns - 1) * ColumnGap + 120;
        var height = Margin * 2 + rows.Count * BoxHeight + (rows.Count - 1) * RowGap;
        var position = new Dictionary<string, (int X, int Y)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var offset = (columns - rows[r].Count) * (BoxWidth + ColumnGap) / 2;
            for (var c = 0; c < rows[r].Count; c++)
            {
                position[rows[r][c]] = (Margin + offset + c * (BoxWidth + ColumnGap), Margin + r * (BoxHeight + RowGap));
            }
        }

        var svg = new StringBuilder();
        svg.Append($"""<svg class="inv-diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="diagram-titel"><title id="diagram-titel">Diagram van workflow {E(definition.Id)} versie {definition.Version}: {definition.Steps.Count} stappen, beginnend bij {E(definition.StartStepId)}. De stappen staan hieronder ook als lijst.</title>""");
        svg.Append("""<defs><marker id="pijl" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#1a1a1a"/></marker></defs>""");
        var loop = 0;
        foreach (var (id, step) in definition.Steps)
        {
            var (x, y) = position[id];
            foreach (var (label, target) in StepText.Arrows(step))
            {
                if (!position.TryGetValue(target, out var to)) continue;
                var (x1, y1) = (x + BoxWidth / 2, y + BoxHeight);
                var (x2, y2) = (to.X + BoxWidth / 2, to.Y);
                string path;
                (int X, int Y) mid;
                if (to.Y > y)
                {
                    path = $"M {x1} {y1} L {x2} {y2}";
                    mid = ((x1 + x2) / 2, (y1 + y2) / 2);
                }
                else
                {
                    // Back or sideways: around the right-hand side of the drawing.
                    var side = width - 100 + (loop++ % 4) * 20;
                    path = $"M {x + BoxWidth} {y + BoxHeight / 2} C {side} {y + BoxHeight / 2}, {side} {to.Y + BoxHeight / 2}, {to.X + BoxWidth} {to.Y + BoxHeight / 2}";
                    mid = (side - 10, (y + to.Y + BoxHeight) / 2);
                }

                svg.Append($"""<path d="{path}" fill="none" stroke="#1a1a1a" stroke-width="1.5" marker-end="url(#pijl)"/>""");
                if (label.Length > 0)
                {
                    svg.Append($"""<text x="{mid.X + 4}" y="{mid.Y}" font-size="11" fill="#1a1a1a">{E(Shorten(label, 34))}</text>""");
                }
            }
        }

        foreach (var (id, step) in definition.Steps)
        {
            var (x, y) = position[id];
            var fill = step switch { WaitStep => "#e8f1fb", LetterStep => "#fff4d6", EndStep => "#e6e6e6", _ => "#ffffff" };
            svg.Append($"""<rect x="{x}" y="{y}" width="{BoxWidth}" height="{BoxHeight}" rx="6" fill="{fill}" stroke="{(id == definition.StartStepId ? "#01689b" : "#1a1a1a")}" stroke-width="{(id == definition.StartStepId ? 3 : 1.5)}"/>""");
            svg.Append($"""<text x="{x + 8}" y="{y + 22}" font-size="13" font-weight="700" fill="#1a1a1a">{E(Shorten(id, 28))}</text>""");
            svg.Append($"""<text x="{x + 8}" y="{y + 42}" font-size="11" fill="#1a1a1a">{E(Shorten(StepText.Describe(step), 34))}</text>""");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Each step's row: its shortest distance from the start; steps not reached go below the rest.</summary>
    private static Dictionary<string, int> Depths(WorkflowDefinition definition)
    {
        var depth = new Dictionary<string, int>();
        var queue = new Queue<string>();
        if (definition.Steps.ContainsKey(definition.StartStepId))
        {
            depth[definition.StartStepId] = 0;
            queue.Enqueue(definition.StartStepId);
        }

        while (queue.TryDequeue(out var id))
        {
            foreach (var next in definition.Steps[id].Transitions().Select(t => t.Target))
            {
                if (!definition.Steps.ContainsKey(next) || depth.ContainsKey(next)) continue;
                depth[next] = depth[id] + 1;
                queue.Enqueue(next);
            }
        }

        var below = depth.Values.DefaultIfEmpty(-1).Max() + 1;
        foreach (var id in definition.Steps.Keys.Where(id => !depth.ContainsKey(id))) depth[id] = below;
        return depth;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
