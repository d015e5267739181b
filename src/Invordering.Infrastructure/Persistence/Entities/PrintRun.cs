namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>Stored letters printed into one A4 PDF, each starting on a new page; never changed.</summary>
public sealed class PrintRun
{
    public long Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>Which letters were asked for, in Dutch ("brieven van 15 mei 2026, sjabloon aanmaning").</summary>
    public required string Selection { get; set; }

    public int LetterCount { get; set; }
    public int PageCount { get; set; }
    public required byte[] Pdf { get; set; }

    /// <summary>SHA-256 of <see cref="Pdf"/>, 64 lowercase hex digits.</summary>
    public required string Sha256 { get; set; }
}

/// <summary>A letter in a print run, at its position (1-based) in the PDF.</summary>
public sealed class PrintRunLetter
{
    public long RunId { get; set; }
    public long LetterId { get; set; }
    public int Position { get; set; }
}
