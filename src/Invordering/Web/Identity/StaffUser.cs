using Microsoft.AspNetCore.Identity;

namespace Invordering.Web.Identity;

/// <summary>A person who signs in: a staff member, field worker, administrator or auditor. The user name is the e-mail address.</summary>
public sealed class StaffUser : IdentityUser;
