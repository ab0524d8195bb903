using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Account;

public abstract class SignInTests(PreauApp app)
{
    private const string WrongCredentials = "Identifiant ou mot de passe incorrect. Vérifiez les majuscules et réessayez.";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_persona_signs_in_and_reaches_the_home_page()
    {
        var client = await app.SignedInClientAsync(Personas.Lea);

        var home = await client.GetAsync("/", _ct);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Bonjour Léa", await home.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_password_leads_home_with_an_http_only_lax_session_cookie()
    {
        var response = await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Paul, PreauApp.Password);

        Assert.Equal("/", response.RedirectTarget());
        var cookie = SessionCookie(response);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.Value);
    }

    [Fact]
    public async Task Without_remember_me_the_session_cookie_ends_with_the_browser()
    {
        var client = app.CreateBrowserlikeClient();
        var response = await app.CompleteMfaAsync(client, await client.PostLoginAsync(Personas.Isabelle, PreauApp.Password, remember: false), Personas.Isabelle);

        var cookie = SessionCookie(response);
        Assert.Null(cookie.Expires);
        Assert.Null(cookie.MaxAge);
    }

    [Fact]
    public async Task Remember_me_makes_the_session_cookie_persistent()
    {
        var client = app.CreateBrowserlikeClient();
        var response = await app.CompleteMfaAsync(client, await client.PostLoginAsync(Personas.Isabelle, PreauApp.Password, remember: true), Personas.Isabelle);

        var cookie = SessionCookie(response);
        Assert.NotNull(cookie.Expires);
        // The cookie's expiry is taken from the application's clock: the fake one here.
        Assert.InRange(cookie.Expires.Value - app.Clock.GetUtcNow(), TimeSpan.FromDays(29), TimeSpan.FromDays(31));
        var sessions = await app.WithDbAsync(db => db.UserSessions.AsNoTracking().Where(s => s.Persistent).CountAsync(_ct));
        Assert.True(sessions > 0);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_login_get_the_very_same_answer()
    {
        var wrongPassword = await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Marc, "not-the-password");
        var unknownLogin = await app.CreateBrowserlikeClient().PostLoginAsync("nobody.anywhere", "not-the-password");

        Assert.Equal(wrongPassword.StatusCode, unknownLogin.StatusCode);
        var wrongPasswordAlert = (await Html.ReadAsync(wrongPassword)).TextOf("#login-error");
        var unknownLoginAlert = (await Html.ReadAsync(unknownLogin)).TextOf("#login-error");
        Assert.Equal(wrongPasswordAlert, unknownLoginAlert);
        Assert.Equal(WrongCredentials, wrongPasswordAlert);
        Assert.DoesNotContain(SetCookies(wrongPassword), c => c.Name == AuthenticationSetup.CookieName);
    }

    [Fact]
    public async Task A_pending_account_with_a_password_cannot_sign_in()
    {
        var login = await GiveAPasswordAsync(Profile.Student, AccountState.PendingActivation, "pending-password");

        var response = await app.CreateBrowserlikeClient().PostLoginAsync(login, "pending-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), c => c.Name == AuthenticationSetup.CookieName);
        Assert.Equal(
            "Ce compte n'est pas encore activé. Utilisez le code d'activation remis par votre établissement.",
            (await Html.ReadAsync(response)).TextOf("#login-error"));
    }

    [Fact]
    public async Task A_blocked_account_cannot_sign_in()
    {
        var login = await GiveAPasswordAsync(Profile.Teacher, AccountState.Blocked, "blocked-password");

        var response = await app.CreateBrowserlikeClient().PostLoginAsync(login, "blocked-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(SetCookies(response), c => c.Name == AuthenticationSetup.CookieName);
        Assert.Equal("Ce compte est bloqué. Contactez la direction de votre établissement.", (await Html.ReadAsync(response)).TextOf("#login-error"));
    }

    [Fact]
    public async Task A_pending_or_blocked_account_with_a_wrong_password_says_no_more_than_any_other()
    {
        var login = await GiveAPasswordAsync(Profile.Relative, AccountState.Blocked, "blocked-password");

        var response = await app.CreateBrowserlikeClient().PostLoginAsync(login, "a-guess");

        Assert.Equal(WrongCredentials, (await Html.ReadAsync(response)).TextOf("#login-error"));
    }

    [Fact]
    public async Task A_unique_email_signs_in_whatever_its_case()
    {
        var client = app.CreateBrowserlikeClient();

        var response = await app.CompleteMfaAsync(client, await client.PostLoginAsync("Isabelle.Moreau@PREAU.example", PreauApp.Password), Personas.Isabelle);

        Assert.Equal("/", response.RedirectTarget());
        Assert.Contains("Bonjour Isabelle", await client.GetStringAsync("/", _ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_shared_by_two_accounts_does_not_sign_in()
    {
        var first = await GiveAPasswordAsync(Profile.Relative, AccountState.Active, "shared-email-password", "famille.partagee@example.fr");
        await GiveAPasswordAsync(Profile.Relative, AccountState.Active, "shared-email-password", "famille.partagee@example.fr");

        var byEmail = await app.CreateBrowserlikeClient().PostLoginAsync("famille.partagee@example.fr", "shared-email-password");
        var byLogin = await app.CreateBrowserlikeClient().PostLoginAsync(first, "shared-email-password");

        Assert.Equal(WrongCredentials, (await Html.ReadAsync(byEmail)).TextOf("#login-error"));
        Assert.Equal("/", byLogin.RedirectTarget());
    }

    [Theory]
    [InlineData("https://evil.example/phishing")]
    [InlineData("//evil.example/phishing")]
    public async Task A_return_url_off_the_site_is_ignored(string returnUrl)
    {
        var response = await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Karim, PreauApp.Password, returnUrl: returnUrl);

        Assert.Equal("/", response.RedirectTarget());
    }

    [Fact]
    public async Task A_return_url_on_the_site_is_followed()
    {
        var response = await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Karim, PreauApp.Password, returnUrl: "/apps?from=login");

        Assert.Equal("/apps?from=login", response.RedirectTarget());
    }

    [Fact]
    public async Task A_missing_login_or_password_is_asked_for()
    {
        var response = await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Karim, "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Saisissez votre identifiant et votre mot de passe.", (await Html.ReadAsync(response)).TextOf("#login-error"));
    }

    private static SetCookieHeaderValue SessionCookie(HttpResponseMessage response) =>
        Assert.Single(SetCookies(response), c => c.Name == AuthenticationSetup.CookieName && c.Value.Length > 0);

    private static IList<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HeaderNames.SetCookie, out var values) ? SetCookieHeaderValue.ParseList([.. values]) : [];

    /// <summary>Gives a password to one of the demo city's imported (non-persona) people, in the given state.</summary>
    private async Task<string> GiveAPasswordAsync(Profile profile, AccountState state, string password, string? email = null)
    {
        var hash = app.Services.GetRequiredService<PasswordHashing>().Hash(password);
        return await app.WithDbAsync(async db =>
        {
            var user = await db.Users
                .Where(u => u.Profile == profile && u.State == AccountState.PendingActivation && u.PasswordHash == null)
                .OrderBy(u => u.Login)
                .FirstAsync(_ct);
            user.State = state;
            user.PasswordHash = hash;
            user.Email = email ?? user.Email;
            await db.SaveChangesAsync(_ct);
            return user.Login;
        });
    }
}

public sealed class SqliteSignInTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignInTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
