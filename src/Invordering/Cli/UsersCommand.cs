using System.CommandLine;
using System.Text;
using Invordering.Hosting;
using Invordering.Infrastructure.Persistence;
using Invordering.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Cli;

/// <summary>`invordering users add --role ROLE --email X`: creates an account; the password comes from standard input.</summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = $"De rol: {string.Join(", ", StaffRoles.All)}.", Required = true };
        var email = new Option<string>("--email") { Description = "Het e-mailadres; dit is ook de gebruikersnaam.", Required = true };
        var add = new Command("add", "Maakt een gebruiker aan. Het wachtwoord wordt van standaardinvoer gelezen (minstens 12 tekens).") { role, email };
        add.SetAction((parse, ct) => CommandAction.RunAsync(async token =>
        {
            var password = await ReadPasswordAsync(token);
            var configuration = InvorderingConfiguration.Build();
            await using var dataSource = Database.CreateDataSource(Database.ConnectionString(configuration));
            var services = new ServiceCollection().AddLogging().AddSingleton(dataSource).AddStaffAccounts();
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            if (!await StaffAccess.IsMigratedAsync(scope.ServiceProvider.GetRequiredService<StaffDbContext>(), token))
                throw new CommandFailedException("De database heeft nog geen gebruikerstabellen: voer eerst 'invordering migrate' uit.");
            try
            {
                var user = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(parse.GetValue(email)!, parse.GetValue(role)!, password,
                    Environment.UserName, "invordering users add");
                Console.WriteLine($"Gebruiker {user.Email} aangemaakt met de rol {parse.GetValue(role)}.");
            }
            catch (StaffAccountException ex)
            {
                throw new CommandFailedException(ex.Message);
            }
            return 0;
        }, ct));
        return new Command("users", "Beheert de gebruikers van de webapplicatie.") { add };
    }

    /// <summary>The first line of standard input; typed at a terminal it is not echoed.</summary>
    private static async Task<string> ReadPasswordAsync(CancellationToken ct)
    {
        if (Console.IsInputRedirected)
            return (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r') ?? "";
        await Console.Error.WriteAsync("Wachtwoord: ");
        var password = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace) { if (password.Length > 0) password.Length--; }
            else password.Append(key.KeyChar);
        }
        await Console.Error.WriteLineAsync();
        return password.ToString();
    }
}
