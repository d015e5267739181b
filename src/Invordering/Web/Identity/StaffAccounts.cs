using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace Invordering.Web.Identity;

/// <summary>Creating the accounts of the people who sign in (from the command line); each one is audited.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, NpgsqlDataSource dataSource)
{
    /// <summary>A new account with one role; the e-mail address is the user name.</summary>
    /// <param name="actor">Who made it (for the audit log), and <paramref name="source"/> how.</param>
    public async Task<StaffUser> AddAsync(string email, string role, string password, string actor, string source)
    {
        if (!StaffRoles.All.Contains(role))
            throw new StaffAccountException($"'{role}' is geen rol: kies {string.Join(", ", StaffRoles.All)}.");
        if (string.IsNullOrEmpty(password)) throw new StaffAccountException("Geef een wachtwoord op standaardinvoer.");
        await StaffAccess.EnsureRolesAsync(roles);
        var user = new StaffUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, LockoutEnabled = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        await using var db = Database.CreateContext(dataSource);
        Audit.Record(db, actor, "account-added", "staff_user", user.Id, source, details: new { email = user.Email, role });
        await db.SaveChangesAsync();
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new StaffAccountException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>An account cannot be made as asked; the message says why, in Dutch.</summary>
public sealed class StaffAccountException(string message) : Exception(message);
