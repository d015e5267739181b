using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Printing;

/// <summary>Composes printing: one <see cref="PdfPrinter"/> (one Chromium) for the process, and the print runs.</summary>
public static class PrintingExtensions
{
    public static IServiceCollection AddLetterPrinting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Printing").Get<PrintingOptions>() ?? new PrintingOptions());
        services.AddSingleton<PdfPrinter>();
        services.AddSingleton<PrintRuns>();
        return services;
    }
}
