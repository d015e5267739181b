using System.Globalization;
using System.Net;
using System.Text;
using Invordering.Domain;

namespace Invordering.Demo;

/// <summary>Prints the funnel and writes it as an HTML report with bar charts.</summary>
public static class DemoReport
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static void Print(Funnel funnel, TextWriter output)
    {
        foreach (var segment in funnel.EndStates.Select(e => e.Segment).Distinct().Order())
        {
            var rows = funnel.EndStates.Where(e => e.Segment == segment).ToList();
            var total = rows.Sum(r => r.Claims);
            output.WriteLine();
            output.WriteLine($"Klantgroep {segment}: {total} vorderingen");
            foreach (var state in Funnel.EndStateOrder)
            {
                var claims = rows.Where(r => r.EndState == state).Sum(r => r.Claims);
                if (claims > 0) output.WriteLine($"  {state,-28} {claims,7}  {Percent(claims, total),6}");
            }
        }
        output.WriteLine();
        output.WriteLine("Kosten in rekening gebracht:");
        foreach (var (kind, count, cents) in funnel.Costs) output.WriteLine($"  {kind,-28} {count,7}  {new Money(cents),14}");
        output.WriteLine("Brieven:");
        foreach (var (template, count) in funnel.Letters) output.WriteLine($"  {template,-28} {count,7}");
        output.WriteLine("Taken:");
        foreach (var (kind, outcome, count) in funnel.Tasks) output.WriteLine($"  {kind + ": " + outcome,-40} {count,7}");
        output.WriteLine();
        output.WriteLine("Servicenormen:");
        output.WriteLine($"  telefoontaken binnen 2 werkdagen   {funnel.PhoneTasksOnTime.ToString("P1", Dutch),8}  (norm: meer dan 90%)");
        output.WriteLine($"  huisbezoeken op de afgesproken dag {funnel.HomeVisitsKept.ToString("P1", Dutch),8}  (norm: meer dan 90%)");
        output.WriteLine();
        output.WriteLine("Vergeleken met DOMAIN.md:");
        var r = funnel.AfterRenewedWrit;
        output.WriteLine($"  na het hernieuwd bevel ({r.Cases} zaken): betaalt {Percent(r.Paid, r.Cases)} (GBLT: 30%), regeling {Percent(r.Plan, r.Cases)} (15%), " +
                         $"kwijtschelding {Percent(r.Remission, r.Cases)} (5%), deurwaarder {Percent(r.Bailiff, r.Cases)} (50%)");
        output.WriteLine($"  telefoongesprekken die tot betaling of regeling leiden: {funnel.PhoneCallsReachingPaymentOrPlan.ToString("P0", Dutch)} (Belastingdienst: 75%)");
        output.WriteLine();
        output.WriteLine("Controles:");
        output.WriteLine($"  kan-niet-zaken met invorderingskosten: {funnel.KanNietWithEnforcementCosts}");
        output.WriteLine($"  dwangbevelen minder dan 14 dagen na de aanmaning: {funnel.WritsWithin14DaysOfDemand}");
    }

    public static void WriteHtml(Funnel funnel, string path, string title)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{{E(title)}}</title>
            <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#1a1a1a}
            .bar{background:#154273;height:1.1rem;display:inline-block;vertical-align:middle} td{padding:.15rem .6rem}
            table{border-collapse:collapse} th{text-align:left;padding:.15rem .6rem;border-bottom:1px solid #999}</style></head><body>
            <h1>{{E(title)}}</h1>
            """);
        foreach (var segment in funnel.EndStates.Select(e => e.Segment).Distinct().Order())
        {
            var rows = funnel.EndStates.Where(e => e.Segment == segment).ToList();
            var total = rows.Sum(r => r.Claims);
            html.Append($"<h2>Klantgroep {E(segment)} ({total} vorderingen)</h2><table><tr><th>Eindtoestand</th><th>Aantal</th><th>Aandeel</th><th></th></tr>");
            foreach (var state in Funnel.EndStateOrder)
            {
                var claims = rows.Where(r => r.EndState == state).Sum(r => r.Claims);
                if (claims == 0) continue;
                var width = (int)Math.Round(400.0 * claims / total);
                html.Append($"<tr><td>{E(state)}</td><td>{claims}</td><td>{Percent(claims, total)}</td><td><span class=\"bar\" style=\"width:{width}px\" aria-hidden=\"true\"></span></td></tr>");
            }
            html.Append("</table>");
        }
        html.Append("<h2>Kosten</h2><table><tr><th>Soort</th><th>Aantal</th><th>Bedrag</th></tr>");
        foreach (var (kind, count, cents) in funnel.Costs) html.Append($"<tr><td>{E(kind)}</td><td>{count}</td><td>{E(new Money(cents).ToString())}</td></tr>");
        html.Append("</table><h2>Brieven</h2><table><tr><th>Brief</th><th>Aantal</th></tr>");
        foreach (var (template, count) in funnel.Letters) html.Append($"<tr><td>{E(template)}</td><td>{count}</td></tr>");
        html.Append("</table><h2>Servicenormen</h2><table>");
        html.Append($"<tr><td>Telefoontaken binnen 2 werkdagen</td><td>{funnel.PhoneTasksOnTime.ToString("P1", Dutch)}</td></tr>");
        html.Append($"<tr><td>Huisbezoeken op de afgesproken dag</td><td>{funnel.HomeVisitsKept.ToString("P1", Dutch)}</td></tr></table>");
        html.Append("</body></html>");
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(false));
    }

    private static string Percent(long part, long total) => total == 0 ? "-" : ((double)part / total).ToString("P0", Dutch);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
