using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Invordering.Tests.Web;

/// <summary>
/// A browser-like HTTP session against the pages: keeps the cookies itself (they are Secure, which HttpClient's
/// cookie container would not send over plain HTTP on the loopback), does not follow redirects, and posts forms with
/// their anti-forgery token.
/// </summary>
public sealed partial class PageSession : IDisposable
{
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies = new();

    public PageSession(Uri address)
    {
        _client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public static async Task<PageSession> SignInAsync(Uri address, string email, string? totpKey = null)
    {
        var session = new PageSession(address);
        var response = await session.PostFormAsync("/account/aanmelden", new() { ["Email"] = email, ["Password"] = StaffLogins.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/account/tweestaps", StringComparison.Ordinal))
        {
            Assert.NotNull(totpKey);
            response = await session.PostFormAsync(response.Headers.Location.OriginalString, new() { ["Code"] = Totp.Code(totpKey) });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        return session;
    }

    public async Task<HttpResponseMessage> GetAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Opens the page with the form, then posts the fields with the page's anti-forgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await GetAsync(formPage ?? path);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        Assert.True(token.Success, $"{formPage ?? path} has a form with an anti-forgery token (status {(int)page.StatusCode} {page.Headers.Location})");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) });
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0].Split('=', 2);
                if (pair[1].Length == 0 || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _cookies.Remove(pair[0]);
                else _cookies[pair[0]] = pair[1];
            }
        return response;
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
