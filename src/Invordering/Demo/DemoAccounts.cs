using System.Security.Cryptography;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invordering.Demo;

/// <summary>
/// One account per role to look around with after a demo, each with a fresh random password that is
/// printed once. An account an earlier demo made is made again, so its old password stops working.
/// </summary>
public static class DemoAccounts
{
    public sealed record Account(string Email, string Role, string Password);

    private static readonly (string Email, string Role)[] Roles =
    [
        ("medewerker@demo.invordering.local", StaffRoles.Collections),
        ("buitendienst@demo.invordering.local", StaffRoles.FieldTeam),
        ("beheerder@demo.invordering.local", StaffRoles.Administration),
        ("auditor@demo.invordering.local", StaffRoles.Auditor),
    ];

    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static async Task<IReadOnlyList<Account>> MakeAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(dataSource).AddStaffAccounts();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var made = new List<Account>(Roles.Length);
        foreach (var (email, role) in Roles)
        {
            ct.ThrowIfCancellationRequested();
            if (await users.FindByEmailAsync(email) is { } earlier) await users.DeleteAsync(earlier);
            var password = RandomNumberGenerator.GetString(PasswordAlphabet, 16);
            await accounts.AddAsync(email, role, password, "demo", "invordering demo");
            made.Add(new Account(email, role, password));
        }
        return made;
    }
}
