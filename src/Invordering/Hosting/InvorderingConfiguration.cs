using Microsoft.Extensions.Configuration;

namespace Invordering.Hosting;

/// <summary>Configuration from appsettings.json beside the executable, then environment variables.</summary>
public static class InvorderingConfiguration
{
    public static IConfigurationRoot Build() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
}
