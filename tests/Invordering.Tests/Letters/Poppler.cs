using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Invordering.Tests.Letters;

/// <summary>Reads PDFs with poppler-utils (pdfinfo, pdftotext), independently of the service's own page count.</summary>
internal static class Poppler
{
    public static async Task<int> PagesAsync(byte[] pdf)
    {
        var info = await RunAsync("pdfinfo", pdf);
        var pages = Regex.Match(info, @"^Pages:\s+(\d+)", RegexOptions.Multiline);
        Assert.True(pages.Success, $"pdfinfo gave no page count:\n{info}");
        return int.Parse(pages.Groups[1].Value);
    }

    /// <summary>The text of one page (1-based), whitespace collapsed.</summary>
    public static async Task<string> PageTextAsync(byte[] pdf, int page) =>
        Regex.Replace(await RunAsync("pdftotext", pdf, "-f", page.ToString(), "-l", page.ToString()), @"\s+", " ");

    /// <summary>The text of every page, whitespace collapsed.</summary>
    public static async Task<string> TextAsync(byte[] pdf) => Regex.Replace(await RunAsync("pdftotext", pdf), @"\s+", " ");

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] options)
    {
        var file = Path.Combine(Path.GetTempPath(), $"invordering-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options) start.ArgumentList.Add(option);
            start.ArgumentList.Add(file);
            if (tool == "pdftotext") start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
