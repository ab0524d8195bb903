using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Preau.Testing;

namespace Preau.IntegrationTests.Security;

/// <summary>
/// The security headers on every kind of answer, and pages that keep to their own
/// Content-Security-Policy: no inline script, no inline style, no event-handler attribute.
/// </summary>
public abstract partial class ContentSecurityTests(PreauApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_api_errors_and_assets_all_carry_the_security_headers()
    {
        var anonymous = app.CreateBrowserlikeClient();
        var signedIn = await app.SignedInClientAsync(Personas.Paul);
        var stylesheet = (await anonymous.GetPageAsync("/login")).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("login page", await anonymous.GetAsync("/login", _ct)),
            ("anonymous redirect", await anonymous.GetAsync("/", _ct)),
            ("home page", await signedIn.GetAsync("/", _ct)),
            ("404 page", await signedIn.GetAsync("/nothing-here", _ct)),
            ("400 page", await anonymous.PostWithoutTokenAsync("/login", [("Input.Login", "x")])),
            ("API", await signedIn.GetAsync("/api/v1/me", _ct)),
            ("API 401", await anonymous.GetAsync("/api/v1/me", _ct)),
            ("API 404", await signedIn.GetAsync("/api/v1/nope", _ct)),
            ("OpenAPI", await anonymous.GetAsync("/api/v1/openapi.json", _ct)),
            ("health", await anonymous.GetAsync("/health/ready", _ct)),
            ("stylesheet", await anonymous.GetAsync(stylesheet, _ct)),
        };

        foreach (var (what, response) in answers)
        {
            var headers = response.Headers;
            var csp = Assert.Single(headers.GetValues("Content-Security-Policy"));
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{what}: {csp}");
            Assert.True(csp.Contains("script-src 'self'", StringComparison.Ordinal), $"{what}: {csp}");
            Assert.False(csp.Contains("unsafe-inline", StringComparison.Ordinal), $"{what}: {csp}");
            Assert.False(csp.Contains("unsafe-eval", StringComparison.Ordinal), $"{what}: {csp}");
            Assert.True(headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", what);
            Assert.True(headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "strict-origin-when-cross-origin", what);
            Assert.True(headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", what);
            Assert.False(headers.Contains("Server"), $"{what} names the server.");
            Assert.False(headers.Contains("X-Powered-By"), $"{what} names the framework.");
        }
    }

    [Fact]
    public async Task A_signed_in_persons_pages_and_api_answers_are_never_stored_by_the_browser()
    {
        var signedIn = await app.SignedInClientAsync(Personas.Sophie);
        var anonymous = app.CreateBrowserlikeClient();
        foreach (var path in new[] { "/", "/annuaire", "/account", "/api/v1/me", "/api/v1/nope" })
        {
            var response = await signedIn.GetAsync(path, _ct);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: {response.Headers.CacheControl}");
        }

        // The shell's files stay cacheable for signed-in people too.
        var stylesheet = (await anonymous.GetPageAsync("/login")).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.False((await signedIn.GetAsync(stylesheet, _ct)).Headers.CacheControl?.NoStore == true, stylesheet);
    }

    [Fact]
    public async Task Anonymous_pages_keep_to_the_policy()
    {
        var client = app.CreateBrowserlikeClient();

        await AssertKeepsToThePolicyAsync("/login", await client.GetAsync("/login", _ct));
        await AssertKeepsToThePolicyAsync("/help", await client.GetAsync("/help", _ct));
        await AssertKeepsToThePolicyAsync("400", await client.PostWithoutTokenAsync("/login", [("Input.Login", "x")]));
        await AssertKeepsToThePolicyAsync("failed login", await client.PostLoginAsync("nobody", "wrong"));
    }

    public static TheoryData<string> AllPersonas =>
        [Personas.Admin, Personas.Isabelle, Personas.Claire, Personas.Paul, Personas.Lea, Personas.Hugo, Personas.Sophie, Personas.Nina, Personas.Marc, Personas.Karim];

    [Theory]
    [MemberData(nameof(AllPersonas))]
    public async Task Every_page_a_persona_sees_keeps_to_the_policy(string login)
    {
        var client = await app.SignedInClientAsync(login);

        foreach (var path in new[] { "/", "/account", "/account?saved=true", "/apps", "/help", "/nothing-here" })
        {
            await AssertKeepsToThePolicyAsync($"{path} for {login}", await client.GetAsync(path, _ct));
        }
    }

    private static async Task AssertKeepsToThePolicyAsync(string what, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{what} answered {(int)response.StatusCode}.");
        var page = await Html.ReadAsync(response);
        Assert.True(page.QuerySelectorAll("main, h1").Length > 0, $"{what} is not a page.");

        var inlineScripts = page.Scripts.Where(s => string.IsNullOrEmpty(s.Source) && !string.IsNullOrWhiteSpace(s.Text)).ToList();
        Assert.True(inlineScripts.Count == 0, $"{what} has an inline <script>: {inlineScripts.FirstOrDefault()?.Text}");
        Assert.True(page.QuerySelectorAll("style").Length == 0, $"{what} has a <style> element.");
        var offending = page.All
            .SelectMany(e => e.Attributes.Select(a => (Element: e, Attribute: a)))
            .Where(x => x.Attribute.Name == "style"
                || x.Attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                || (x.Attribute.Name is "href" or "src" or "action" or "formaction" && x.Attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
            .Select(x => $"<{x.Element.LocalName} {x.Attribute.Name}=\"{x.Attribute.Value}\">")
            .ToList();
        Assert.True(offending.Count == 0, $"{what}: {string.Join(", ", offending)}");
        AssertNoUntranslatedKey(what, page);
    }

    /// <summary>A localizer that misses a key shows the key itself ("Home.Title"): no page may show one.</summary>
    private static void AssertNoUntranslatedKey(string what, IHtmlDocument page)
    {
        var texts = page.Body!.TextContent + " " + string.Join(" ", page.All.SelectMany(e => e.Attributes)
            .Where(a => a.Name is "aria-label" or "title" or "alt" or "placeholder" or "content").Select(a => a.Value)) + " " + page.Title;
        var keys = ResourceKeyPattern().Matches(texts).Select(m => m.Value).ToList();
        Assert.True(keys.Count == 0, $"{what} shows untranslated keys: {string.Join(", ", keys)}");
    }

    [GeneratedRegex(@"\b(?:App|Shell|Home|Apps|Help|Login|Account|Error|Display|Profile|Function|Level|StructureType|Language)\.[A-Z][A-Za-z]*(?:\.[A-Za-z]+)*\b")]
    private static partial Regex ResourceKeyPattern();
}

[Collection(SqliteCity.Name)]
public sealed class SqliteContentSecurityTests(SqliteApp app) : ContentSecurityTests(app);

[Collection(PostgresCity.Name)]
public sealed class PostgresContentSecurityTests(PostgresApp app) : ContentSecurityTests(app);
