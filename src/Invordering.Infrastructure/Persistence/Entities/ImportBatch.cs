namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>One imported file: what it held, what went in and what was rejected.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public required string Status { get; set; }
    public int RowsRead { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public int Duplicates { get; set; }
    public int StagedRows { get; set; }
    public string? Message { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A rejected row of an import, with the Dutch reason.</summary>
public sealed class ImportRejection
{
    public long BatchId { get; set; }
    public long Line { get; set; }
    public required string ColumnName { get; set; }
    public required string Code { get; set; }
    public required string Message { get; set; }
}
