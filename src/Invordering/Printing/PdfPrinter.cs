using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;

namespace Invordering.Printing;

/// <summary>Configuration section "Printing": where Chromium is and how many letters one PDF holds at most.</summary>
public sealed class PrintingOptions
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser of its own here.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>The most letters in one print run (one PDF); a larger selection becomes several runs.</summary>
    public int MaxLettersPerRun { get; set; } = 1_000;
}

/// <summary>A printed PDF: its bytes, its number of pages and its SHA-256 (64 lowercase hex digits).</summary>
public sealed record PrintedPdf(byte[] Pdf, int Pages, string Sha256);

/// <summary>Printing failed (Chromium missing or stopped); the message says why, in Dutch.</summary>
public sealed class PrintException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Prints stored letters to A4 PDF with headless Chromium through Playwright: one browser and one page,
/// started at the first print and reused, one document at a time. Many letters print as one document
/// (see <see cref="PrintDocument"/>), which is far faster than a page per letter.
/// </summary>
public sealed class PdfPrinter(PrintingOptions options) : IAsyncDisposable
{
    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    public PrintingOptions Options => options;

    /// <summary>Prints letters (each a stored HTML document with the same style) into one PDF, each from a new page.</summary>
    /// <exception cref="PrintException">Chromium cannot be started or stopped while printing.</exception>
    public async Task<PrintedPdf> PrintAsync(IReadOnlyList<string> letterHtmls, CancellationToken ct)
    {
        var document = PrintDocument.Combine(letterHtmls);
        // The document goes to Chromium as a file: far faster to load than through the protocol. Only this user may read it.
        var file = Path.Combine(Path.GetTempPath(), $"invordering-print-{Guid.NewGuid():N}.html");
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(file, fileOptions))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(document), ct);
        }

        await _gate.WaitAsync(ct);
        try
        {
            var page = await PageAsync();
            await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 0 });
            var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true, Format = "A4" });
            await page.GotoAsync("about:blank");
            return new PrintedPdf(pdf, PdfPages.Count(pdf), Convert.ToHexStringLower(SHA256.HashData(pdf)));
        }
        catch (PlaywrightException ex)
        {
            await CloseBrowserAsync();
            throw new PrintException($"Chromium kon de brieven niet afdrukken: {ex.Message.Split('\n')[0]}", ex);
        }
        finally
        {
            _gate.Release();
            File.Delete(file);
        }
    }

    /// <summary>Fails at once, before any work, when Chromium is not where the options say.</summary>
    /// <exception cref="PrintException">Chromium is missing.</exception>
    public static void CheckChromium(PrintingOptions options)
    {
        if (!File.Exists(options.ChromiumPath))
            throw new PrintException(
                $"Chromium staat niet op {options.ChromiumPath}. Installeer het Debian-pakket 'chromium' of zet Printing__ChromiumPath.");
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await CloseBrowserAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The page to print on; starts Chromium the first time, and again after it stopped.</summary>
    private async Task<IPage> PageAsync()
    {
        if (_page is { IsClosed: false } && _browser is { IsConnected: true }) return _page;
        await CloseBrowserAsync();
        CheckChromium(options);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.ChromiumPath, Headless = true, Args = ChromiumArguments,
        });
        _page = await _browser.NewPageAsync();
        return _page;
    }

    private async Task CloseBrowserAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        (_page, _browser, _playwright) = (null, null, null);
    }
}
