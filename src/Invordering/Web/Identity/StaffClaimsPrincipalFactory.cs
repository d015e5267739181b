using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Invordering.Web.Identity;

/// <summary>Identity's claims plus one saying whether the person has set up two-factor sign-in (administrators must).</summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    public const string TwoFactorClaim = "invordering:tweestaps";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(TwoFactorClaim, "ja"));
        return identity;
    }
}
