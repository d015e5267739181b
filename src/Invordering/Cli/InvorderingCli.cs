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
            SegmentCommand.Create(),
            RunCommand.Create(),
            DemoCommand.Create(),
            SimulateCommand.Create(),
            BenchCommand.Create(),
            UsersCommand.Create(),
        };
        return root;
    }
}
