using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Recovery;

/// <summary>
/// Password and login forgotten, by email over real SMTP: the application's MailKit client sends
/// to an SMTP server started on loopback by the test, which reads what it received.
/// </summary>
public abstract partial class PasswordResetTests(SmtpApp app)
{
    private const string NewPassword = "un vélo rouge sous la pluie";
    private const string SentAnswer = "Si un compte correspond et possède une adresse e-mail, un message est en route avec un code et un lien, valables 30 minutes.";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_parent_resets_their_password_with_the_mailed_link_once()
    {
        var login = await ParentWithEmailAsync("reset.link@example.fr");
        var before = await app.SignedInClientAsync(login);

        var asked = await AskResetAsync(login);
        Assert.Equal(SentAnswer, (await Html.ReadAsync(asked)).TextOf("#recovery-status"));
        var message = await app.Smtp.NextAsync();
        Assert.Equal("reset.link@example.fr", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("ent@ville.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Contains("choisir un nouveau mot de passe", message.Subject, StringComparison.Ordinal);
        Assert.NotNull(message.HtmlBody);
        Assert.DoesNotContain("<img", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        var link = LinkIn(message);

        var client = app.CreateBrowserlikeClient();
        var form = await client.GetPageAsync(link);
        Assert.NotNull(form.QuerySelector("#new-password"));
        Assert.Null(form.QuerySelector("#code"));

        var done = await client.PostFormAsync("/login/reset", [("Token", TokenOf(link)), ("Password", NewPassword), ("Confirmation", NewPassword)], link);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Votre mot de passe est changé", (await Html.ReadAsync(done)).TextOf("#recovery-status"), StringComparison.Ordinal);

        Assert.Equal("/", (await app.CreateBrowserlikeClient().PostLoginAsync(login, NewPassword)).RedirectTarget());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().PostLoginAsync(login, PreauApp.Password)).StatusCode);
        // The session opened before the reset is over.
        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync("/account", _ct)).StatusCode);

        // The link served once.
        var again = await app.CreateBrowserlikeClient().GetPageAsync(link);
        Assert.Contains("n'est pas valable", again.TextOf("#recovery-error"), StringComparison.Ordinal);
        var replay = await client.PostFormAsync("/login/reset", [("Token", TokenOf(link)), ("Password", "encore un autre mot de passe"), ("Confirmation", "encore un autre mot de passe")], "/login/forgot-password");
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);

        var user = await app.UserAsync(login);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == "password.reset-by-email" && a.TargetUserId == user.Id, _ct)));
    }

    [Fact]
    public async Task The_mailed_code_works_with_the_login_and_expires_after_thirty_minutes()
    {
        var login = await ParentWithEmailAsync("reset.code@example.fr");

        await AskResetAsync(login);
        var expired = CodeIn(await app.Smtp.NextAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await PostCodeAsync(login, expired, NewPassword);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("n'est pas valable", (await Html.ReadAsync(late)).TextOf("#recovery-error"), StringComparison.Ordinal);

        await AskResetAsync("reset.code@example.fr");
        var code = CodeIn(await app.Smtp.NextAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(29));
        var weak = await PostCodeAsync(login, code, "short");
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        // The shared new-password fields mark the rule the password broke.
        Assert.Contains("Au moins 10 caractères", (await Html.ReadAsync(weak)).TextOf("#password-rules li.broken[data-rule='TooShort']"), StringComparison.Ordinal);

        Assert.Contains("Votre mot de passe est changé", (await Html.ReadAsync(await PostCodeAsync(login, code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), NewPassword))).TextOf("#recovery-status"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostCodeAsync(login, code, "et encore un autre")).StatusCode);
        Assert.Equal("/", (await app.CreateBrowserlikeClient().PostLoginAsync(login, NewPassword)).RedirectTarget());
    }

    [Fact]
    public async Task Unknown_pupil_blocked_and_known_accounts_get_the_same_answer_and_only_the_known_one_a_message()
    {
        var known = await ParentWithEmailAsync("known.parent@example.fr");
        var blocked = await ParentWithEmailAsync("blocked.parent@example.fr", AccountState.Blocked);
        app.Smtp.Drain();

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var who in new[] { "nobody.at.all", "nobody@example.fr", Personas.Lea, blocked, "blocked.parent@example.fr", known })
        {
            var response = await AskResetAsync(who);
            answers.Add((response.StatusCode, (await Html.ReadAsync(response)).TextOf("#recovery-status")));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, SentAnswer), a));
        // Messages leave in order: the first to arrive is the known parent's, so none went before it.
        var first = await app.Smtp.NextAsync();
        Assert.Equal("known.parent@example.fr", Assert.Single(first.To.Mailboxes).Address);
    }

    [Fact]
    public async Task Login_forgotten_mails_every_login_that_uses_the_address()
    {
        var first = await ParentWithEmailAsync("famille.martin@example.fr");
        var second = await ParentWithEmailAsync("famille.martin@example.fr");
        app.Smtp.Drain();

        var client = app.CreateBrowserlikeClient();
        var unknown = await client.PostFormAsync("/login/forgot-login", [("Email", "personne@example.fr")], "/login/forgot-login");
        var response = await client.PostFormAsync("/login/forgot-login", [("Email", "Famille.Martin@example.fr")], "/login/forgot-login");

        Assert.Equal((await Html.ReadAsync(unknown)).TextOf("#recovery-status"), (await Html.ReadAsync(response)).TextOf("#recovery-status"));
        Assert.Equal("Si un compte utilise cette adresse, un message est en route avec son identifiant.", (await Html.ReadAsync(response)).TextOf("#recovery-status"));
        var message = await app.Smtp.NextAsync();
        Assert.Equal("famille.martin@example.fr", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains(first, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(second, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(first, message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_is_in_the_recipients_language()
    {
        var login = await ParentWithEmailAsync("english.parent@example.fr");
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Login == login, _ct);
            user.Language = "en";
            await db.SaveChangesAsync(_ct);
        });
        app.Smtp.Drain();

        await AskResetAsync(login);

        var message = await app.Smtp.NextAsync();
        Assert.Contains("choose a new password", message.Subject, StringComparison.Ordinal);
        Assert.Contains("expire in 30 minutes", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_again_and_again_is_held_whether_the_account_exists_or_not()
    {
        foreach (var who in new[] { "held.nobody", Personas.Karim })
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await AskResetAsync(who)).StatusCode);
            }

            var fourth = await AskResetAsync(who);
            Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
            Assert.Contains("Trop de demandes", (await Html.ReadAsync(fourth)).TextOf("#recovery-error"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Guessing_reset_codes_is_held_even_for_the_right_code()
    {
        var login = await ParentWithEmailAsync("guess.codes@example.fr");
        app.Smtp.Drain();
        await AskResetAsync(login);
        var code = CodeIn(await app.Smtp.NextAsync());

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PostCodeAsync(login, $"AAAA-AAA{i + 2}", NewPassword)).StatusCode);
        }

        var held = await PostCodeAsync(login, code, NewPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.Contains("Trop d'essais", (await Html.ReadAsync(held)).TextOf("#recovery-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateBrowserlikeClient().PostLoginAsync(login, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task The_api_asks_and_resets_like_the_pages()
    {
        var login = await ParentWithEmailAsync("api.reset@example.fr");
        app.Smtp.Drain();
        var client = app.CreateBrowserlikeClient();

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/v1/recovery/password", Json(new { login }), _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/v1/recovery/password", Json(new { login = "nobody.here" }), _ct)).StatusCode);
        var code = CodeIn(await app.Smtp.NextAsync());

        var wrong = await client.PostAsync("/api/v1/recovery/password/reset", Json(new { login, code = "AAAA-BBBB", password = NewPassword }), _ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        var done = await client.PostAsync("/api/v1/recovery/password/reset", Json(new { login, code, password = NewPassword }), _ct);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal("/", (await app.CreateBrowserlikeClient().PostLoginAsync(login, NewPassword)).RedirectTarget());
    }

    private static StringContent Json(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    private Task<HttpResponseMessage> AskResetAsync(string loginOrEmail) =>
        app.CreateBrowserlikeClient().PostFormAsync("/login/forgot-password", [("Login", loginOrEmail)], "/login/forgot-password");

    private Task<HttpResponseMessage> PostCodeAsync(string login, string code, string password) =>
        app.CreateBrowserlikeClient().PostFormAsync("/login/reset", [("Login", login), ("Code", code), ("Password", password), ("Confirmation", password)], "/login/reset");

    private static string LinkIn(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? string.Empty);
        Assert.True(match.Success, message.TextBody);
        return match.Groups["path"].Value;
    }

    private static string TokenOf(string link) => link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];

    private static string CodeIn(MimeMessage message)
    {
        var match = CodePattern().Match(message.TextBody ?? string.Empty);
        Assert.True(match.Success, message.TextBody);
        return match.Value;
    }

    /// <summary>An active parent with a password and this address (a fresh one for each test).</summary>
    private async Task<string> ParentWithEmailAsync(string email, AccountState state = AccountState.Active)
    {
        var hash = app.Services.GetRequiredService<PasswordHashing>().Hash(PreauApp.Password);
        return await app.WithDbAsync(async db =>
        {
            var user = await db.Users
                .Where(u => u.Profile == Preau.Platform.Kernel.Profile.Relative && u.State == AccountState.PendingActivation && u.PasswordHash == null)
                .OrderBy(u => u.Login)
                .FirstAsync(_ct);
            user.State = state;
            user.PasswordHash = hash;
            user.Email = email;
            await db.SaveChangesAsync(_ct);
            return user.Login;
        });
    }

    [GeneratedRegex(@"http://localhost(?<path>/login/reset\?token=[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\b[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}\b")]
    private static partial Regex CodePattern();
}

public sealed class SqlitePasswordResetTests(SqliteSmtpApp app) : PasswordResetTests(app), IClassFixture<SqliteSmtpApp>;

public sealed class PostgresPasswordResetTests(PostgresSmtpApp app) : PasswordResetTests(app), IClassFixture<PostgresSmtpApp>;
