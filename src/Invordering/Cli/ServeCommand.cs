using System.CommandLine;
using Invordering.Hosting;

namespace Invordering.Cli;

/// <summary>`invordering serve`: web UI and HTTP API, with the worker unless --no-worker.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Adres(sen) om op te luisteren.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var noWorker = new Option<bool>("--no-worker") { Description = "Start zonder de worker (berichten, timers, outbox)." };
        var command = new Command("serve", "Start de webapplicatie en de HTTP-API.") { urls, noWorker };
        command.SetAction((parse, ct) => CommandAction.RunAsync(async token =>
        {
            var configuration = InvorderingConfiguration.Build();
            await using var app = WebApp.Build(configuration, parse.GetValue(urls)!, withWorker: !parse.GetValue(noWorker));
            await Preflight.CheckDatabaseAsync(app.Services, token);
            await app.RunAsync(token);
            BrokerConnectionLostException.ThrowIfLost(app.Services);
            return 0;
        }, ct));
        return command;
    }
}

/// <summary>`invordering worker`: consumers, timer scheduler and outbox relay, without the web app.</summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "Start de worker: berichtverwerking, timers en outbox.");
        command.SetAction((_, ct) => CommandAction.RunAsync(async token =>
        {
            var configuration = InvorderingConfiguration.Build();
            using var host = WorkerHost.Build(configuration, withWorker: true, Microsoft.Extensions.Logging.LogLevel.Information);
            await Preflight.CheckDatabaseAsync(host.Services, token);
            await host.RunAsync(token);
            BrokerConnectionLostException.ThrowIfLost(host.Services);
            return 0;
        }, ct));
        return command;
    }
}
