using Invordering.Web.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace Invordering.Web;

/// <summary>The Razor Pages in Dutch and the middleware they need: static files, sign-in, the two-factor gate, safe headers.</summary>
public static class WebPages
{
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Account/Aanmelden");
            options.Conventions.AllowAnonymousToPage("/Account/Tweestaps");
            options.Conventions.AllowAnonymousToPage("/Account/Afmelden");
            options.Conventions.AllowAnonymousToPage("/Fout");
            options.Conventions.AuthorizePage("/Zaken/Index", StaffPolicies.CaseWork);
            options.Conventions.AuthorizePage("/Zaken/Zaak", StaffPolicies.CaseReading);
            options.Conventions.AuthorizeFolder("/Werkvoorraad", StaffPolicies.CaseWork);
            options.Conventions.AuthorizeFolder("/Dashboard", StaffPolicies.CaseWork);
            options.Conventions.AuthorizeFolder("/Buitendienst", StaffPolicies.FieldWork);
            options.Conventions.AuthorizeFolder("/Taken", StaffPolicies.TaskWork);
            options.Conventions.AuthorizeFolder("/Auditlog", StaffPolicies.AuditReading);
            options.Conventions.AuthorizeFolder("/Beheer", StaffPolicies.Administration);
        })
        // The pages are compiled into this assembly; name it, so they are found when another program hosts the app (tests).
        .AddApplicationPart(typeof(WebPages).Assembly)
        .AddMvcOptions(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        // The one-redirect messages ("Notitie opgeslagen.") travel in a cookie: keep it from scripts and other sites.
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = "invordering-melding";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<Cases.CaseInterventions>();
        return services;
    }

    public static WebApplication UseWebPages(this WebApplication app)
    {
        // Behind a TLS-terminating proxy on the same machine, requests count as HTTPS (the default trusts loopback proxies only).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor });
        app.Use(SafeHeaders);
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/fout/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorGate>();
        app.Use(ApiForgeryCheck);
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>
    /// A change through /api made with the session cookie (a page's script, not a program with a bearer token) must
    /// carry the page's anti-forgery token in the X-CSRF-TOKEN header, as the layout gives htmx.
    /// </summary>
    private static async Task ApiForgeryCheck(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && !HttpMethods.IsOptions(request.Method) && context.User.Identity?.IsAuthenticated == true
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { title = "Het anti-vervalsingstoken ontbreekt of klopt niet. Laad de pagina opnieuw.", status = 400 });
            return;
        }
        await next();
    }

    private static Task SafeHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (!context.Request.Path.StartsWithSegments("/api"))
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        headers.CacheControl = context.Request.Path.StartsWithSegments("/css") || context.Request.Path.StartsWithSegments("/lib")
            ? "public, max-age=3600" : "no-store";
        return next();
    }
}
