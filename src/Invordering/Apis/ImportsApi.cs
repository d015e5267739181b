using System.Text;
using Invordering.Domain.Imports;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Import;
using Invordering.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Invordering.Web.Identity;
using Npgsql;

namespace Invordering.Apis;

/// <summary>
/// /api/imports: upload a file of aanslagen, betalingen or historie; follow a batch; download its
/// rejected rows. An upload is streamed to a temporary file, never held in memory whole. With
/// <c>Prefer: respond-async</c> the answer comes at once (202) and the import's progress is at
/// /api/imports/lopend/{id} (<see cref="ImportJobs"/>).
/// </summary>
public static class ImportsApi
{
    /// <summary>The largest file taken: ten times a million assessments.</summary>
    private const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/imports").WithTags("Import").RequireAuthorization(StaffPolicies.CaseWork);
        group.MapPost("/{kind}", Upload).WithName("UploadImport")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportSummary>(StatusCodes.Status201Created).Produces<ImportSummary>().Produces<ImportJobView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/lopend/{jobId:guid}", GetJob).WithName("GetImportJob")
            .Produces<ImportJobView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{batchId:long}", GetBatch).WithName("GetImportBatch");
        group.MapGet("/{batchId:long}/rejections.csv", GetRejections).WithName("GetImportRejections");
        return app;
    }

    private static async Task<IResult> Upload(string kind, HttpContext http, ImportJobs jobs, AuditedImport import, CancellationToken ct)
    {
        if (!ImportKinds.TryParse(kind, out var importKind))
            return Results.Problem($"'{kind}' is geen soort import: kies aanslagen, betalingen of historie.", statusCode: StatusCodes.Status404NotFound);
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
            return Results.Problem("Stuur het bestand als multipart/form-data.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxUploadBytes;

        var actor = Actor(http);
        var folder = Directory.CreateTempSubdirectory("invordering-upload-");
        var folderHandedOver = false;
        try
        {
            var path = await SaveFirstFileAsync(new MultipartReader(boundary, http.Request.Body), folder.FullName, ct);
            if (path is null)
                return Results.Problem("Er zit geen bestand in het verzoek.", statusCode: StatusCodes.Status422UnprocessableEntity);

            if (RespondAsync(http.Request))
            {
                var job = jobs.Start(importKind, path, folder, actor, http.Request.Path);
                folderHandedOver = true;
                return Results.Accepted($"/api/imports/lopend/{job.Id}", job.View);
            }

            var outcome = await import.RunAsync(importKind, path, actor, http.Request.Path, null, ct);
            if (outcome.Rejected is { } rejected)
                return Results.Problem(rejected.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Het bestand is afgewezen; er is niets van ingelezen.", extensions: new Dictionary<string, object?> { ["code"] = rejected.Code });
            var summary = outcome.Summary!;
            return summary.AlreadyImported ? Results.Ok(summary) : Results.Created($"/api/imports/{summary.BatchId}", summary);
        }
        finally
        {
            if (!folderHandedOver) folder.Delete(recursive: true);
        }
    }

    /// <summary>Whether the client asked for an answer before the import is done (RFC 7240: <c>Prefer: respond-async</c>).</summary>
    private static bool RespondAsync(HttpRequest request) =>
        request.Headers["Prefer"].SelectMany(p => (p ?? "").Split(',')).Any(p => p.Trim().Equals("respond-async", StringComparison.OrdinalIgnoreCase));

    /// <summary>A background import's progress; the caller sees it only when it is theirs.</summary>
    private static async Task<IResult> GetJob(Guid jobId, ImportJobs jobs, InvorderingDbContext db, HttpContext http, CancellationToken ct)
    {
        var job = jobs.Find(jobId);
        if (job is null || job.Actor != Actor(http))
            return Results.Problem("Deze import is onbekend, of al meer dan een uur klaar.", statusCode: StatusCodes.Status404NotFound);
        Audit.Record(db, Actor(http), "read", "import_job", jobId, source: http.Request.Path);
        await db.SaveChangesAsync(ct);
        return Results.Ok(job.View);
    }

    /// <summary>Streams the first file part of the form into the folder, under its own name; null when the form holds no file.</summary>
    private static async Task<string?> SaveFirstFileAsync(MultipartReader reader, string folder, CancellationToken ct)
    {
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            if (string.IsNullOrWhiteSpace(name)) continue;

            var path = Path.Combine(folder, SafeFileName(name));
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await section.Body.CopyToAsync(file, ct);
            return path;
        }
        return null;
    }

    /// <summary>The name without any folder and without characters a file system refuses.</summary>
    private static string SafeFileName(string name)
    {
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        var safe = string.Concat(bare.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        return safe is "" or "." or ".." ? "bestand" : safe;
    }

    private static async Task<IResult> GetBatch(long batchId, InvorderingDbContext db, HttpContext http, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null) return Results.Problem($"Importbatch {batchId} bestaat niet.", statusCode: StatusCodes.Status404NotFound);
        Audit.Record(db, Actor(http), "read", "import_batch", batchId, source: http.Request.Path);
        await db.SaveChangesAsync(ct);
        return Results.Ok(new ImportBatchView(batch.Id, batch.Kind, batch.FileName, batch.Status, batch.RowsRead, batch.Accepted,
            batch.Rejected, batch.Duplicates, batch.Message, batch.CreatedBy, batch.CreatedAt, batch.CompletedAt,
            $"/api/imports/{batch.Id}/rejections.csv"));
    }

    /// <summary>The rejected rows of a batch as a `;`-separated UTF-8 file (with a byte-order mark, so that spreadsheets read it as UTF-8), streamed.</summary>
    private static async Task<IResult> GetRejections(long batchId, InvorderingDbContext db, NpgsqlDataSource dataSource, HttpContext http, CancellationToken ct)
    {
        if (!await db.ImportBatches.AnyAsync(b => b.Id == batchId, ct))
            return Results.Problem($"Importbatch {batchId} bestaat niet.", statusCode: StatusCodes.Status404NotFound);
        Audit.Record(db, Actor(http), "read", "import_rejections", batchId, source: http.Request.Path);
        await db.SaveChangesAsync(ct);

        return Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
            await writer.WriteAsync("regel;kolom;code;melding\n");
            await using var command = dataSource.CreateCommand(
                """SELECT line, column_name, code, message FROM import_rejections WHERE batch_id = $1 ORDER BY line, column_name COLLATE "C", code COLLATE "C" """);
            command.Parameters.Add(new NpgsqlParameter { Value = batchId });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                await writer.WriteAsync($"{reader.GetInt64(0)};{CsvField(reader.GetString(1))};{CsvField(reader.GetString(2))};{CsvField(reader.GetString(3))}\n");
            }
        }, "text/csv; charset=utf-8", $"afgewezen-regels-{batchId}.csv");
    }

    /// <summary>A field as the import formats read it: quoted when it holds `;`, a quote or a line break.</summary>
    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "anoniem";
}

/// <summary>An import batch: what it held, how far it is, and where its rejected rows are.</summary>
public sealed record ImportBatchView(long Id, string Kind, string File, string Status, int Rows, int Accepted, int Rejected, int Duplicates,
    string? Message, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string RejectionsUrl);
