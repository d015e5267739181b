using System.Diagnostics;
using Invordering.TestSupport;

namespace Invordering.Tests.Web;

/// <summary>`invordering users add`: the real executable, the password on standard input, one clear Dutch line when it cannot.</summary>
public sealed class UsersCommandTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private async Task<(int Exit, string Out, string Err)> AddAsync(string role, string email, string password)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "invordering.dll"));
        foreach (var a in new[] { "users", "add", "--role", role, "--email", email }) start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__Invordering"] = _db.ConnectionString;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task A_user_is_added_with_the_role_and_a_hashed_password_read_from_standard_input()
    {
        var (exit, output, err) = await AddAsync("buitendienst", "a.jansen@gemeente.example", "lang-genoeg-wachtwoord");
        Assert.True(exit == 0, err);
        Assert.Contains("Gebruiker a.jansen@gemeente.example aangemaakt met de rol buitendienst.", output);
        Assert.Equal("buitendienst", await _db.ScalarAsync<string>(
            "SELECT r.name FROM staff_users u JOIN staff_user_roles ur ON ur.user_id = u.id JOIN staff_roles r ON r.id = ur.role_id WHERE u.email = 'a.jansen@gemeente.example'"));
        var hash = await _db.ScalarAsync<string>("SELECT password_hash FROM staff_users WHERE email = 'a.jansen@gemeente.example'");
        Assert.DoesNotContain("lang-genoeg-wachtwoord", hash);
        Assert.Equal($"{Environment.UserName} invordering users add buitendienst", await _db.ScalarAsync<string>(
            """
            SELECT a.actor || ' ' || a.source || ' ' || (a.details->>'role') FROM audit_log a JOIN staff_users u ON u.id = a.entity_id
            WHERE a.action = 'account-added' AND a.entity = 'staff_user' AND u.email = 'a.jansen@gemeente.example'
            """));
    }

    [Theory]
    [InlineData("baas", "b@gemeente.example", "lang-genoeg-wachtwoord", "'baas' is geen rol")]
    [InlineData("invordering", "c@gemeente.example", "kort", "minstens 12 tekens")]
    [InlineData("invordering", "geen-adres", "lang-genoeg-wachtwoord", "geen geldig e-mailadres")]
    public async Task What_cannot_be_done_ends_with_one_dutch_line(string role, string email, string password, string expected)
    {
        var (exit, _, err) = await AddAsync(role, email, password);
        Assert.NotEqual(0, exit);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line);
        Assert.Equal(0L, await _db.ScalarAsync<long>($"SELECT count(*) FROM staff_users WHERE email = '{email}'"));
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'account-added'"));
    }

    [Fact]
    public async Task The_same_address_twice_is_refused()
    {
        Assert.Equal(0, (await AddAsync("auditor", "d@gemeente.example", "lang-genoeg-wachtwoord")).Exit);
        var (exit, _, err) = await AddAsync("invordering", "d@gemeente.example", "lang-genoeg-wachtwoord");
        Assert.NotEqual(0, exit);
        Assert.Contains("d@gemeente.example", err);
    }
}
