using Invordering.Infrastructure.Persistence;
using Invordering.Web.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Web.Identity;

/// <summary>
/// Identity's EF stores over the staff_* tables (created by migration 0005 of <see cref="InvorderingDbContext"/>,
/// which owns the schema), and the notes staff write on cases.
/// </summary>
public sealed class StaffDbContext(DbContextOptions<StaffDbContext> options) : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().ToTable("staff_users");
        builder.Entity<IdentityRole>().ToTable("staff_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("staff_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("staff_user_claims");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("staff_role_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("staff_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("staff_user_tokens");
        builder.Entity<CaseNote>().ToTable("case_notes");

        foreach (var entity in builder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(InvorderingDbContext.SnakeCase(property.Name));
    }
}
