using Invordering.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invordering.Web.Identity;

/// <summary>
/// Signing in: ASP.NET Core Identity over PostgreSQL, a session cookie for the web pages (Secure, HttpOnly,
/// SameSite=Strict), a bearer token for programs calling /api, lockout after repeated wrong passwords, and
/// two-factor sign-in (TOTP) for administrators.
/// </summary>
public static class StaffAccess
{
    /// <summary>Chooses per request: a bearer token when the request carries one, otherwise the session cookie.</summary>
    public const string Scheme = "personeel";

    public const string SignInPath = "/account/aanmelden";

    public static IServiceCollection AddStaffAccess(this IServiceCollection services)
    {
        services.AddDbContext<StaffDbContext>((sp, options) => Database.Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddIdentity<StaffUser, IdentityRole>(ConfigureIdentity)
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddErrorDescriber<DutchIdentityErrors>();
        services.AddScoped<StaffAccounts>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultAuthenticateScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie of bearer-token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1));

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "invordering";
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.LogoutPath = "/account/afmelden";
            options.AccessDeniedPath = "/fout/403";
            options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorRememberMeScheme })
            services.Configure<CookieAuthenticationOptions>(scheme, options => Harden(options.Cookie));
        services.ConfigureApplicationCookie(options => Harden(options.Cookie));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "invordering-af";
            Harden(options.Cookie);
            // The anti-forgery cookie holds no session secret (its token is only half of the pair), and the antiforgery
            // system refuses to work at all over plain HTTP with Always: follow the request, so that the service also
            // works on the loopback (tests, a workstation). The session cookie stays Secure always.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddAuthorization(StaffPolicies.Add);
        services.AddDataProtection().SetApplicationName("invordering");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new DataProtectionKeyStore(sp.GetRequiredService<NpgsqlDataSource>())));
        return services;
    }

    /// <summary>Identity's rules: passwords of at least 12 characters, lockout for 15 minutes after 5 wrong ones, one account per e-mail address.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>Identity without the web parts, for the command line.</summary>
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services)
    {
        services.AddDbContext<StaffDbContext>((sp, options) => Database.Configure(options, sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddIdentityCore<StaffUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddErrorDescriber<DutchIdentityErrors>();
        services.AddScoped<StaffAccounts>();
        return services;
    }

    /// <summary>Anonymous requests to /api get 401 and forbidden ones 403; pages send anonymous people to sign in and answer 403 with a page.</summary>
    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void Harden(CookieBuilder cookie)
    {
        cookie.HttpOnly = true;
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.SameSite = SameSiteMode.Strict;
    }

    /// <summary>Makes sure the four roles exist (the migration creates them; this mends a database where one was removed).</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in StaffRoles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role) { Id = role });
    }

    /// <summary>Whether the database has the staff tables (for a clear message when migrate has not run).</summary>
    public static Task<bool> IsMigratedAsync(StaffDbContext db, CancellationToken ct) =>
        db.Database.SqlQueryRaw<bool>("SELECT to_regclass('staff_users') IS NOT NULL AS \"Value\"").SingleAsync(ct);
}
