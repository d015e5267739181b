using Invordering.Apis;
using Invordering.Infrastructure;
using Invordering.Printing;
using Invordering.Web;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invordering.Hosting;

/// <summary>The web application: Razor Pages for staff and field workers, HTTP API, health and OpenAPI document, plus the worker unless asked not to.</summary>
public static class WebApp
{
    public static WebApplication Build(IConfiguration configuration, string urls, bool withWorker)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddInvorderingInfrastructure(configuration);
        if (withWorker) builder.Services.AddInvorderingWorker();
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddLetterPrinting(configuration);
        builder.Services.AddStaffAccess();
        builder.Services.AddWebPages();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseWebPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthApi();
        app.MapTokenApi();
        app.MapCasesApi();
        app.MapImportsApi();
        app.MapLettersApi();
        app.MapSegmentationApi();
        app.MapCaseWorkApi();
        app.MapFieldTasksApi();
        app.MapAuditLogApi();
        app.MapWorkQueuesApi();
        app.MapDashboardApi();
        app.MapRazorPages();
        return app;
    }
}
