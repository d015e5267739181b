using Microsoft.AspNetCore.Identity;

namespace Invordering.Web.Identity;

/// <summary>Identity's messages in Dutch, for the ones people see (passwords, e-mail addresses, user names).</summary>
public sealed class DutchIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Het wachtwoord moet minstens {length} tekens hebben." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Er is al een gebruiker met het e-mailadres {email}." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Er is al een gebruiker {userName}." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"'{email}' is geen geldig e-mailadres." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"'{userName}' is geen geldige gebruikersnaam." };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"De gebruiker heeft de rol {role} al." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens hebben." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Er ging iets mis." };
}
