using System.Net;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Account;

/// <summary>Server-side sessions and the antiforgery check on every form.</summary>
public abstract class SessionTests(PreauApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logging_out_ends_the_session_on_the_server_so_a_copied_cookie_is_refused()
    {
        var browser = await Browser.SignedInAsync(app, Personas.Claire);
        var copiedCookie = browser.SessionCookie;
        // The copy works while the session lives (and the node now remembers the session as alive).
        Assert.Equal(HttpStatusCode.OK, (await Replay(copiedCookie, "/")).StatusCode);

        var logout = await browser.Client.PostFormAsync("/logout", []);

        Assert.Equal("/login", logout.RedirectTarget());
        var replayed = await Replay(copiedCookie, "/");
        Assert.Equal("/login?returnUrl=%2F", replayed.RedirectTarget());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Replay(copiedCookie, "/api/v1/me")).StatusCode);
        var claire = await app.UserAsync(Personas.Claire);
        Assert.True(await app.WithDbAsync(db => db.UserSessions.AnyAsync(s => s.UserId == claire.Id && s.RevokedAt != null, _ct)));
    }

    [Fact]
    public async Task Ending_the_session_through_the_api_refuses_a_copied_cookie_too()
    {
        var browser = await Browser.SignedInAsync(app, Personas.Paul);
        var copiedCookie = browser.SessionCookie;
        Assert.Equal(HttpStatusCode.OK, (await Replay(copiedCookie, "/api/v1/me")).StatusCode);

        var end = await browser.Client.DeleteAsync("/api/v1/session", _ct);

        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Replay(copiedCookie, "/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Logging_out_one_browser_leaves_the_others_signed_in()
    {
        var phone = await app.SignedInClientAsync(Personas.Marc);
        var laptop = await app.SignedInClientAsync(Personas.Marc);

        await phone.PostFormAsync("/logout", []);

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/", _ct)).StatusCode);
    }

    [Fact]
    public async Task The_login_form_without_its_token_is_refused_with_the_friendly_page()
    {
        var client = app.CreateBrowserlikeClient();

        var response = await client.PostWithoutTokenAsync("/login", [("Input.Login", Personas.Lea), ("Input.Password", PreauApp.Password)]);

        await AssertFriendlyBadRequestAsync(response);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(AuthenticationSetup.CookieName + "=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Logout_without_its_token_is_refused_and_the_session_goes_on()
    {
        var client = await app.SignedInClientAsync(Personas.Sophie);

        var response = await client.PostWithoutTokenAsync("/logout", []);

        await AssertFriendlyBadRequestAsync(response);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", _ct)).StatusCode);
    }

    [Fact]
    public async Task A_language_change_without_its_token_is_refused_and_changes_nothing()
    {
        var client = await app.SignedInClientAsync(Personas.Nina);

        var response = await client.PostWithoutTokenAsync("/preferences/language", [("language", "en"), ("returnUrl", "/")]);

        await AssertFriendlyBadRequestAsync(response);
        Assert.Contains("Bonjour Nina", await client.GetStringAsync("/", _ct), StringComparison.Ordinal);
        Assert.Null((await app.UserAsync(Personas.Nina)).Language);
    }

    [Fact]
    public async Task A_token_taken_from_another_browser_is_refused()
    {
        var mallory = await app.SignedInClientAsync(Personas.Hugo);
        var token = await PreauApp.AntiforgeryTokenAsync(mallory, "/");
        var victim = await app.SignedInClientAsync(Personas.Lea);

        var response = await victim.PostWithoutTokenAsync("/preferences/display", [("__csrf", token), ("scheme", "Dark")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task AssertFriendlyBadRequestAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Demande refusée", page.TextOf("main h1"));
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Microsoft.", text, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> Replay(string cookie, string path) => Browser.ReplayAsync(app, cookie, path);
}

[Collection(SqliteCity.Name)]
public sealed class SqliteSessionTests(SqliteApp app) : SessionTests(app);

[Collection(PostgresCity.Name)]
public sealed class PostgresSessionTests(PostgresApp app) : SessionTests(app);
