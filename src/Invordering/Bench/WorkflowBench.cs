using System.CommandLine;
using System.Globalization;
using Invordering.Cli;
using Invordering.Hosting;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Bench;
using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Persistence;

namespace Invordering.Bench;

/// <summary>`bench workflow [--cases N]`: cases through one letter step end to end over RabbitMQ, against bare MassTransit on the same broker.</summary>
public sealed class WorkflowBench : IBenchCapability
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public string Name => "workflow";

    public Command CreateCommand()
    {
        var cases = new Option<int>("--cases") { Description = "Het aantal zaken, elk één briefstap verder.", DefaultValueFactory = _ => 100_000 };
        var command = new Command(Name,
            "Meet zaken door één briefstap over RabbitMQ tegen kale MassTransit op dezelfde broker, in een eigen database en vhost.") { cases };
        command.SetAction((parse, ct) => CommandAction.RunAsync(async token =>
        {
            var count = parse.GetValue(cases);
            if (count < 1) throw new CommandFailedException($"--cases {count}: geef een aantal van minstens 1.");
            var configuration = InvorderingConfiguration.Build();
            var messaging = MessagingSetup.ReadOptions(configuration);
            if (MessagingSetup.ParseTransport(messaging.Transport) != MessagingTransport.RabbitMq)
                throw new CommandFailedException("bench workflow meet over RabbitMQ: zet Messaging__Transport=RabbitMq.");
            var today = ServiceClock.RealToday(TimeProvider.System);
            var result = await WorkflowBenchmark.RunAsync(Database.ConnectionString(configuration), messaging, count, today, null, token);
            if (result.Letters != count)
                throw new CommandFailedException($"Niet elke zaak kreeg haar brief: {result.Letters} van {count}.");
            Print(result);
            return 0;
        }, ct));
        return command;
    }

    private static void Print(WorkflowBenchResult r)
    {
        Console.WriteLine(string.Create(Dutch, $"bench workflow: {r.Cases:N0} zaken, elk één briefstap (kosteloze herinnering) over RabbitMQ (gemaakt in {r.Generated.TotalSeconds:N1} s)"));
        Console.WriteLine(string.Create(Dutch, $"  zaken openen (vooraf, niet in de stap: eenmaal per vordering, zonder berichten) {r.Opened.TotalSeconds,6:N2} s"));
        Console.WriteLine(string.Create(Dutch, $"  kale MassTransit: publiceren en verwerken (ondergrens)  {r.Raw.TotalSeconds,8:N2} s  {r.MessagesPerSecond,10:N0} berichten/s"));
        Console.WriteLine(string.Create(Dutch, $"  workflowstap end-to-end (plannen, outbox, RabbitMQ,     {r.Workflow.TotalSeconds,8:N2} s  {r.StepsPerSecond,10:N0} stappen/s"));
        Console.WriteLine(string.Create(Dutch, $"    brief maken en opslaan, inbox, LetterIssued): {r.Steps:N0} stappen, {r.Letters:N0} brieven"));
        Console.WriteLine(string.Create(Dutch, $"  verhouding stappen/berichten: {r.Ratio:N2} (doel: minstens 0,25)"));
    }
}
