namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>A debtor (belastingplichtige), recognised by BSN or KvK number.</summary>
public sealed class Debtor
{
    public long Id { get; set; }
    public string? Bsn { get; set; }
    public string? Kvk { get; set; }
    public required string Name { get; set; }
    public required string Street { get; set; }
    public required string HouseNumber { get; set; }
    public required string Postcode { get; set; }
    public required string City { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
