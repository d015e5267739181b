using System.CommandLine;

namespace Invordering.Cli;

/// <summary>The command tree of the one executable.</summary>
public static class InvorderingCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Invordering: invordering en sociaal invorderen voor gemeentelijke belastingen.")
        {
            MigrateCommand.Create(),
            ServeCommand.Create(),
            WorkerCommand.Create(),
            ImportCommand.Create(),
            Placeholder("segment", "Segmenteert debiteuren op basis van betaalhistorie."),
            RunCommand.Create(),
            Placeholder("demo", "Draait de hoofdtaak van begin tot eind op een synthetische populatie."),
            Placeholder("bench", "Meet een vermogen tegen zijn fysieke ondergrens."),
        };
        return root;
    }

    private static Command Placeholder(string name, string description)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((_, _) => CommandAction.NotYetAvailable(name));
        return command;
    }
}
