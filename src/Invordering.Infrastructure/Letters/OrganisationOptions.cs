using Invordering.Letters;

namespace Invordering.Infrastructure.Letters;

/// <summary>Configuration section "Organisation": the letterhead and where debtors find help.</summary>
public sealed class OrganisationOptions
{
    public string Name { get; set; } = "Belastingsamenwerking";
    public List<string> AddressLines { get; set; } = ["Postbus 1", "1000 AA Amsterdam"];
    public string Phone { get; set; } = "088 - 000 00 00";
    public string PhoneHours { get; set; } = "maandag tot en met vrijdag van 8.30 tot 17.00 uur";
    public string Website { get; set; } = "www.belastingsamenwerking.example";
    public string Iban { get; set; } = "NL91ABNA0417164300";
    public string? Bic { get; set; }
    public string DebtHelpName { get; set; } = "Schuldhulpverlening van uw gemeente";
    public string DebtHelpPhone { get; set; } = "14 020";
    public string? DebtHelpWebsite { get; set; } = "www.geldfit.nl";

    public OrganisationInfo ToLetterhead() => new()
    {
        Name = Name, AddressLines = AddressLines, Phone = Phone, PhoneHours = PhoneHours, Website = Website, Iban = Iban, Bic = Bic,
    };

    public DebtHelpInfo ToDebtHelp() => new() { Name = DebtHelpName, Phone = DebtHelpPhone, Website = DebtHelpWebsite };
}
