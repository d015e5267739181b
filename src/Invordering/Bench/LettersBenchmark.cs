using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Invordering.Domain;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Bench;
using Invordering.Infrastructure.Letters;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Tariffs;
using Invordering.Letters;
using Invordering.Printing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Bench;

/// <summary>What `bench letters` measured.</summary>
/// <param name="Letters">Letters rendered and stored end to end.</param>
/// <param name="Generated">Time to generate the cases in SQL.</param>
/// <param name="RawRender">Time to render the same models with <see cref="LetterRenderer.Render"/> alone, no database.</param>
/// <param name="EndToEnd">Time to load the data in batches, render, and store the letters with COPY.</param>
/// <param name="Stages">The busy time of each end-to-end stage; they overlap, so they add up to more than <paramref name="EndToEnd"/>.</param>
/// <param name="HtmlBytes">The stored HTML, in UTF-8 bytes.</param>
/// <param name="PdfLetters">Letters in the PDF run.</param>
/// <param name="PdfPages">Pages of the PDF run.</param>
/// <param name="Pdf">Time to print the PDF run (Chromium already started).</param>
public sealed record LettersBenchResult(int Letters, TimeSpan Generated, TimeSpan RawRender, TimeSpan EndToEnd, StageTimes Stages,
    long HtmlBytes, int PdfLetters, int PdfPages, TimeSpan Pdf)
{
    public double RawLettersPerSecond => Letters / RawRender.TotalSeconds;

    public double LettersPerSecond => Letters / EndToEnd.TotalSeconds;

    /// <summary>End-to-end rate as a share of the raw render rate: 1 would be as fast as rendering alone.</summary>
    public double Ratio => LettersPerSecond / RawLettersPerSecond;

    public double PagesPerSecond => PdfPages / Pdf.TotalSeconds;
}

/// <summary>How long each stage of the letter run was busy: loading the data, rendering (with the data as JSON), storing with COPY.</summary>
public sealed record StageTimes(TimeSpan Load, TimeSpan Render, TimeSpan Store);

/// <summary>
/// Measures a letter run in a database of its own: generates the cases set-based in SQL, renders their letters
/// with <see cref="LetterRenderer.Render"/> in a loop (the baseline, one thread, no database), then end to end: the
/// letter data loaded from PostgreSQL in batches with one query each, rendered by the published templates on one
/// thread, and stored with binary COPY on two connections, each stage working on its own batch. Small batches keep
/// the letters in flight few, so that they die young and cost the garbage collector little. Last, one print run of
/// up to 1,000 of the letters.
/// </summary>
public static class LettersBenchmark
{
    public const int BatchSize = 500;
    public const int PdfRunLetters = 1_000;

    /// <summary>COPY streams at once: PostgreSQL works on each in a process of its own.</summary>
    public const int Writers = 2;

    public static async Task<LettersBenchResult> RunAsync(string connectionString, int letters, DateOnly today, PrintingOptions printing,
        IProgress<string>? log, CancellationToken ct)
    {
        log?.Report("database aanmaken");
        await using var database = await BenchDatabase.CreateAsync(connectionString, ct);
        PublishedLetters published;
        TariffTable tariffs;
        await using (var db = Database.CreateContext(database.DataSource))
        {
            await LetterTemplateStore.SeedAsync(db, Path.Combine(Setup.ContentRoot, "templates"), ct);
            published = await new LetterTemplates().PublishedAsync(db, ct);
            tariffs = await TariffStore.TableAsync(db, ct);
        }
        var source = new LetterSource(published, tariffs.ValidOn(today), new OrganisationOptions(), today);

        log?.Report("zaken maken");
        var clock = Stopwatch.StartNew();
        await GenerateCasesAsync(database.DataSource, letters, today, ct);
        var generated = clock.Elapsed;

        log?.Report("alleen renderen");
        await foreach (var batch in source.BatchesAsync(database.DataSource, ct))
        {
            // Warm-up, not timed: the first batch rendered and serialized once, so that neither measurement pays for compiling.
            foreach (var letter in batch) StoredLetter.Render(published, letter);
            break;
        }
        var rawRender = TimeSpan.Zero;
        await foreach (var batch in source.BatchesAsync(database.DataSource, ct))
        {
            clock.Restart();
            foreach (var letter in batch) published.RendererFor(letter.Code).Render(letter.Code, letter.Model);
            rawRender += clock.Elapsed;
        }

        log?.Report("brieven maken en opslaan");
        // The COPY connections write in large chunks: fewer calls into the kernel for hundreds of megabytes.
        var copyConnection = new NpgsqlConnectionStringBuilder(connectionString) { Database = database.Name, WriteBufferSize = 1 << 20 }.ConnectionString;
        clock.Restart();
        var (htmlBytes, stages) = await RenderAndStoreAsync(database.DataSource, copyConnection, source, ct);
        var endToEnd = clock.Elapsed;

        log?.Report("afdrukken");
        var (pdfLetters, pdfPages, pdf) = await PrintRunAsync(database.DataSource, printing, ct);
        return new LettersBenchResult(letters, generated, rawRender, endToEnd, stages, htmlBytes, pdfLetters, pdfPages, pdf);
    }

    /// <summary>
    /// Three stages on their own batches: load, render (with the data as JSON), and COPY on <see cref="Writers"/> connections at once.
    /// Returns the HTML bytes stored and the stages' busy time (the writers' added up). A stage that fails stops the others.
    /// </summary>
    private static async Task<(long HtmlBytes, StageTimes Stages)> RenderAndStoreAsync(NpgsqlDataSource dataSource, string copyConnection,
        LetterSource source, CancellationToken ct)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        ct = failed.Token;
        var (loadTime, renderTime) = (new Stopwatch(), new Stopwatch());
        var loaded = Channel.CreateBounded<List<LetterToRender>>(2);
        var rendered = Channel.CreateBounded<StoredLetter[]>(Writers);
        var load = Task.Run(async () =>
        {
            try
            {
                await using var batches = source.BatchesAsync(dataSource, ct).GetAsyncEnumerator(ct);
                while (true)
                {
                    loadTime.Start();
                    var more = await batches.MoveNextAsync();
                    loadTime.Stop();
                    if (!more) break;
                    await loaded.Writer.WriteAsync(batches.Current, ct);
                }
                loaded.Writer.Complete();
            }
            catch (Exception ex)
            {
                loaded.Writer.Complete(ex);
                await failed.CancelAsync();
            }
        }, ct);
        var render = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in loaded.Reader.ReadAllAsync(ct))
                {
                    renderTime.Start();
                    var letters = new StoredLetter[batch.Count];
                    for (var i = 0; i < batch.Count; i++) letters[i] = StoredLetter.Render(source.Letters, batch[i]);
                    renderTime.Stop();
                    await rendered.Writer.WriteAsync(letters, ct);
                }
                rendered.Writer.Complete();
            }
            catch (Exception ex)
            {
                rendered.Writer.Complete(ex);
                await failed.CancelAsync();
            }
        }, ct);
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await StoreAsync(copyConnection, rendered.Reader, ct);
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, ct)).ToList();

        await Task.WhenAll(writers.Append(load).Append(render));
        var stored = writers.Select(w => w.Result).ToList();
        return (stored.Sum(w => w.HtmlBytes), new StageTimes(loadTime.Elapsed, renderTime.Elapsed, TimeSpan.FromTicks(stored.Sum(w => w.Busy.Ticks))));
    }

    /// <summary>One writer: stores each batch it takes with one binary COPY on its own connection.</summary>
    private static async Task<(long HtmlBytes, TimeSpan Busy)> StoreAsync(string connectionString, ChannelReader<StoredLetter[]> batches,
        CancellationToken ct)
    {
        long htmlBytes = 0;
        var busy = new Stopwatch();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await foreach (var letters in batches.ReadAllAsync(ct))
        {
            busy.Start();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY letters (case_id, template_code, template_version, letter_date, pay_by, html, data, content_hash, command_id) FROM STDIN (FORMAT BINARY)",
                ct))
            {
                foreach (var letter in letters)
                {
                    copy.StartRow();
                    copy.Write(letter.CaseId, NpgsqlDbType.Bigint);
                    copy.Write(letter.Rendered.LetterCode, NpgsqlDbType.Text);
                    copy.Write(letter.Rendered.TemplateVersion, NpgsqlDbType.Integer);
                    copy.Write(letter.LetterDate, NpgsqlDbType.Date);
                    copy.Write(letter.PayBy, NpgsqlDbType.Date);
                    copy.Write(letter.Rendered.Html, NpgsqlDbType.Text);
                    copy.Write(letter.Data, NpgsqlDbType.Jsonb);
                    copy.Write(letter.Rendered.ContentHash, NpgsqlDbType.Char);
                    copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    htmlBytes += Encoding.UTF8.GetByteCount(letter.Rendered.Html);
                }
                await copy.CompleteAsync(ct);
            }
            busy.Stop();
        }
        return (htmlBytes, busy.Elapsed);
    }

    /// <summary>The first letters stored, printed as one run part with Chromium already started (one letter printed first).</summary>
    private static async Task<(int Letters, int Pages, TimeSpan Elapsed)> PrintRunAsync(NpgsqlDataSource dataSource, PrintingOptions printing,
        CancellationToken ct)
    {
        var htmls = new List<string>(PdfRunLetters);
        await using (var command = dataSource.CreateCommand($"SELECT html FROM letters ORDER BY id LIMIT {PdfRunLetters}"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) htmls.Add(reader.GetString(0));
        }

        await using var printer = new PdfPrinter(printing);
        await printer.PrintAsync([htmls[0]], ct);
        var clock = Stopwatch.StartNew();
        var printed = await printer.PrintAsync(htmls, ct);
        return (htmls.Count, printed.Pages, clock.Elapsed);
    }

    /// <summary>
    /// One statement per table: a debtor, an assessment and an open case for each letter; the case's letter by its
    /// number (six in ten a reminder, three an aanmaning with its cost, one a dwangbevel with both costs).
    /// </summary>
    private static async Task GenerateCasesAsync(NpgsqlDataSource dataSource, int count, DateOnly today, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            -- No autovacuum worker in this database: a non-superuser cannot end one, and it would keep the database from being dropped.
            ALTER TABLE import_batches SET (autovacuum_enabled = false);
            ALTER TABLE debtors SET (autovacuum_enabled = false);
            ALTER TABLE assessments SET (autovacuum_enabled = false);
            ALTER TABLE collection_cases SET (autovacuum_enabled = false);
            ALTER TABLE case_costs SET (autovacuum_enabled = false);
            ALTER TABLE letters SET (autovacuum_enabled = false);
            INSERT INTO import_batches (kind, file_name, sha256, status, created_by) VALUES ('aanslagen', 'bench', repeat('0', 64), 'merged', 'bench');

            INSERT INTO debtors (bsn, name, street, house_number, postcode, city)
            SELECT lpad(n::text, 9, '0'),
                   (ARRAY['J.', 'A.', 'M.', 'K.', 'S.', 'F.'])[1 + n % 6] || ' '
                       || (ARRAY['de Vries', 'Jansen', 'van den Berg', 'Yılmaz', 'Bakker', 'El Amrani', 'Visser', 'de Boer'])[1 + n % 8],
                   (ARRAY['Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsweg', 'Julianastraat'])[1 + n % 5],
                   (n % 240 + 1)::text, (1000 + n % 9000)::text || 'AB',
                   (ARRAY['Arnhem', 'Doetinchem', 'Apeldoorn', 'Zutphen', 'Ede', 'Deventer'])[1 + n % 6]
            FROM generate_series(1, @count) n;

            INSERT INTO assessments (assessment_number, debtor_id, tax_year, issue_date, due_date, amount_cents, paid_cents,
                                     payment_reference, tax_kind, content_hash, batch_id)
            SELECT @year || lpad(d.id::text, 8, '0'), d.id, @year, make_date(@year, 2, 28), make_date(@year, 4, 30),
                   2000 + (d.id * 7919) % 198000, CASE WHEN d.id % 7 = 0 THEN 1000 ELSE 0 END,
                   lpad(d.id::text, 16, '0'), (ARRAY['OZB', 'afvalstoffenheffing', 'rioolheffing'])[1 + d.id % 3], 0,
                   (SELECT id FROM import_batches)
            FROM debtors d;

            INSERT INTO collection_cases (assessment_id, debtor_id, opened_on, segment)
            SELECT a.id, a.debtor_id, @today - 30, (ARRAY['kan-en-wil', 'wil-niet', 'kan-niet'])[1 + a.id % 3]
            FROM assessments a;

            INSERT INTO case_costs (case_id, kind, amount_cents, charged_on, command_id)
            SELECT c.id, k.kind, k.amount_cents, @today, gen_random_uuid()
            FROM collection_cases c
            JOIN (VALUES ('aanmaning', 1900, 6), ('dwangbevel', 4900, 9)) AS k (kind, amount_cents, from_digit) ON c.id % 10 >= k.from_digit;
            ANALYZE;
            """, connection, tx) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("count", count);
        command.Parameters.AddWithValue("year", (short)today.Year);
        command.Parameters.AddWithValue("today", today);
        await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A case's letter to render: its code and model.</summary>
    private sealed record LetterToRender(long CaseId, string Code, LetterModel Model);

    /// <summary>A rendered letter with the data it was made from, ready for COPY.</summary>
    private sealed record StoredLetter(long CaseId, DateOnly LetterDate, DateOnly? PayBy, RenderedLetter Rendered, string Data)
    {
        public static StoredLetter Render(PublishedLetters letters, LetterToRender letter) =>
            new(letter.CaseId, letter.Model.LetterDate, letter.Model.PayBy, letters.Render(letter.Code, letter.Model),
                JsonSerializer.Serialize(letter.Model, JsonSerializerOptions.Web));
    }

    /// <summary>Reads the letter data of the cases in batches of <see cref="BatchSize"/>, one query each, as letter models.</summary>
    private sealed class LetterSource(PublishedLetters letters, CostTariff tariff, OrganisationOptions organisation, DateOnly today)
    {
        private readonly OrganisationInfo _letterhead = organisation.ToLetterhead();
        private readonly DebtHelpInfo _debtHelp = organisation.ToDebtHelp();
        private readonly ContactInfo _contact = new() { Name = organisation.Name, Phone = organisation.Phone };

        public PublishedLetters Letters => letters;

        public async IAsyncEnumerable<List<LetterToRender>> BatchesAsync(NpgsqlDataSource dataSource,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await using var command = dataSource.CreateCommand(
                """
                SELECT c.id, CASE WHEN c.id % 10 < 6 THEN 'herinnering' WHEN c.id % 10 < 9 THEN 'aanmaning' ELSE 'dwangbevel' END,
                       d.name, d.street, d.house_number, d.postcode, d.city,
                       a.assessment_number, a.tax_kind, a.tax_year, a.amount_cents, a.paid_cents, a.payment_reference,
                       coalesce(k.kinds, '{}'), coalesce(k.amounts, '{}')
                FROM collection_cases c
                JOIN assessments a ON a.id = c.assessment_id
                JOIN debtors d ON d.id = c.debtor_id
                LEFT JOIN LATERAL (SELECT array_agg(kind ORDER BY id) AS kinds, array_agg(amount_cents ORDER BY id) AS amounts
                                   FROM case_costs WHERE case_id = c.id) k ON true
                WHERE c.id > @after
                ORDER BY c.id
                LIMIT @batch
                """);
            var after = command.Parameters.AddWithValue("after", 0L);
            command.Parameters.AddWithValue("batch", BatchSize);
            while (true)
            {
                var batch = new List<LetterToRender>(BatchSize);
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct)) batch.Add(Read(reader));
                }
                if (batch.Count == 0) yield break;
                after.Value = batch[^1].CaseId;
                yield return batch;
            }
        }

        /// <summary>The model as the letter consumer builds it for a case.</summary>
        private LetterToRender Read(NpgsqlDataReader row)
        {
            var code = row.GetString(1);
            var open = new Money(Math.Max(0, row.GetInt64(10) - row.GetInt64(11)));
            var costKinds = row.GetFieldValue<string[]>(13);
            var costAmounts = row.GetFieldValue<long[]>(14);
            var model = new LetterModel
            {
                Organisation = _letterhead,
                Recipient = new RecipientInfo
                {
                    Name = row.GetString(2), Street = row.GetString(3), HouseNumber = row.GetString(4), Postcode = row.GetString(5), City = row.GetString(6),
                },
                LetterDate = today,
                Subject = letters.TitleOf(code),
                CaseReference = $"Z{row.GetInt64(0):D8}",
                Claims =
                [
                    new ClaimLine
                    {
                        AssessmentNumber = row.GetString(7), TaxKind = row.GetString(8), TaxYear = row.GetInt16(9),
                        AmountCents = row.GetInt64(10), OpenAmountCents = open.Cents,
                    },
                ],
                Costs = costKinds.Select((kind, i) => new CostLine { Label = $"Kosten {kind}", AmountCents = costAmounts[i] }).ToList(),
                UpcomingCost = code switch
                {
                    "herinnering" => new CostLine { Label = "Kosten aanmaning", AmountCents = CollectionCosts.Demand(open, tariff).Cents },
                    "aanmaning" => new CostLine { Label = "Kosten dwangbevel", AmountCents = CollectionCosts.Writ(open, tariff).Cents },
                    _ => null,
                },
                PayBy = today.AddDays(code == "dwangbevel" ? 2 : 14),
                RespondBy = today.AddDays(14),
                AttemptDate = today,
                PaymentReference = row.GetString(12),
                Contact = _contact,
                DebtHelp = _debtHelp,
            };
            return new LetterToRender(row.GetInt64(0), code, model);
        }
    }
}
