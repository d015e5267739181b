using Invordering.Cli;

return await InvorderingCli.Create().Parse(args).InvokeAsync();
