using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Testing;

namespace Preau.IntegrationTests.Activation;

/// <summary>Activating an account with the login and code of its sheet: /activate, the login page's shortcut, the API.</summary>
public abstract class ActivationTests(PreauApp app)
{
    private const string JulesFerry = "0751235B";
    private const string VictorHugo = "0751236C";
    private const string Refused = "Identifiant ou code d’activation incorrect. Le code a peut-être expiré ou déjà servi\u00A0: demandez une nouvelle fiche à l’école.";
    private const string NewPassword = "le chat dort au soleil";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A pending account no other test of the class uses: each test takes its own pupil or parent.</summary>
    private async Task<string> PendingAsync(string className, int index, Profile profile = Profile.Student) =>
        (await Accounts.OfClassAsync(app, className, JulesFerry, profile, state: null))[index];

    [Fact]
    public async Task A_pupil_is_activated_with_the_code_of_the_sheet_then_signs_in_with_the_new_password()
    {
        var login = await PendingAsync("CM2 A", 0);
        var code = await Accounts.IssueCodeAsync(app, login);
        var client = app.CreateBrowserlikeClient();

        // Typed as a parent would: lower case, no dash.
        var check = await Accounts.CheckAsync(client, login, code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var step2 = Html.Parse(await check.Content.ReadAsStringAsync(Ct));
        Assert.NotNull(step2.QuerySelector("#new-password"));
        Assert.Contains("École élémentaire Jules Ferry", step2.TextOf(".charter h3"), StringComparison.Ordinal);
        Assert.DoesNotContain(code, step2.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var done = await Accounts.CompleteAsync(client, Accounts.TicketOf(step2.DocumentElement.OuterHtml), NewPassword,
            email: " Parent.Test@Example.FR ", phone: "06 12 34 56 78");
        Assert.Equal("/", done.RedirectTarget());
        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var user = await Accounts.UserAsync(app, login);
        Assert.Equal(AccountState.Active, user.State);
        Assert.Equal("parent.test@example.fr", user.Email);
        Assert.Equal("+33612345678", user.Phone);
        Assert.Equal(app.Clock.GetUtcNow(), user.CharterAcceptedAt);
        Assert.Null(user.ActivationCodeHash);
        Assert.Equal(1, await Accounts.AuditCountAsync(app, "account.activate", user.Id));

        Assert.Equal("/", (await app.CreateBrowserlikeClient().PostLoginAsync(login, NewPassword)).RedirectTarget());
        var again = await Accounts.CheckAsync(app.CreateBrowserlikeClient(), login, code);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(Refused, (await Html.ReadAsync(again)).TextOf("#activate-error"));
    }

    [Fact]
    public async Task An_expired_a_wrong_and_an_unknown_code_get_the_same_answer()
    {
        var expired = await PendingAsync("CM2 A", 1);
        var expiredCode = await Accounts.IssueCodeAsync(app, expired);
        var wrong = await PendingAsync("CM2 A", 2);
        await Accounts.IssueCodeAsync(app, wrong);

        app.Clock.Advance(TimeSpan.FromDays(91));

        var answers = new[]
        {
            await Accounts.CheckAsync(app.CreateBrowserlikeClient(), expired, expiredCode),
            await Accounts.CheckAsync(app.CreateBrowserlikeClient(), wrong, "ABCD-EF23"),
            await Accounts.CheckAsync(app.CreateBrowserlikeClient(), "nobody.here", "ABCD-EF23"),
        };
        foreach (var answer in answers)
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var page = await Html.ReadAsync(answer);
            Assert.Equal(Refused, page.TextOf("#activate-error"));
            Assert.Null(page.QuerySelector("#new-password"));
        }

        Assert.Equal(AccountState.PendingActivation, (await Accounts.UserAsync(app, expired)).State);
    }

    [Fact]
    public async Task A_code_serves_once_even_from_a_form_submitted_twice()
    {
        var login = await PendingAsync("CM2 A", 3);
        var code = await Accounts.IssueCodeAsync(app, login);
        var client = app.CreateBrowserlikeClient();
        var ticket = Accounts.TicketOf(await (await Accounts.CheckAsync(client, login, code)).Content.ReadAsStringAsync(Ct));

        Assert.Equal("/", (await Accounts.CompleteAsync(client, ticket, NewPassword)).RedirectTarget());
        var second = await Accounts.CompleteAsync(app.CreateBrowserlikeClient(), ticket, "an other sentence entirely");

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(Refused, (await Html.ReadAsync(second)).TextOf("#activate-error"));
        Assert.Equal("/", (await app.CreateBrowserlikeClient().PostLoginAsync(login, NewPassword)).RedirectTarget());
    }

    [Theory]
    [InlineData("court", "court", "TooShort")]
    [InlineData("azertyuiop", "azertyuiop", "Common")]
    [InlineData("le chat dort au soleil", "le chien dort au soleil", "Confirmation")]
    public async Task A_password_that_breaks_the_policy_is_refused_and_the_rule_shown(string password, string confirmation, string rule)
    {
        var login = await PendingAsync("CM1 A", rule switch { "TooShort" => 0, "Common" => 1, _ => 2 });
        var code = await Accounts.IssueCodeAsync(app, login);
        var client = app.CreateBrowserlikeClient();
        var ticket = Accounts.TicketOf(await (await Accounts.CheckAsync(client, login, code)).Content.ReadAsStringAsync(Ct));

        var answer = await Accounts.CompleteAsync(client, ticket, password, confirmation);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var page = await Html.ReadAsync(answer);
        Assert.NotNull(page.QuerySelector($"li[data-rule='{rule}'].broken"));
        Assert.Equal(AccountState.PendingActivation, (await Accounts.UserAsync(app, login)).State);
        // The code still works: the person corrects the form and goes on.
        Assert.Equal("/", (await Accounts.CompleteAsync(client, Accounts.TicketOf(page.DocumentElement.OuterHtml), NewPassword)).RedirectTarget());
    }

    [Fact]
    public async Task The_login_as_a_password_is_refused()
    {
        var login = await PendingAsync("CM1 A", 3);
        var code = await Accounts.IssueCodeAsync(app, login);
        var client = app.CreateBrowserlikeClient();
        var ticket = Accounts.TicketOf(await (await Accounts.CheckAsync(client, login, code)).Content.ReadAsStringAsync(Ct));

        var answer = await Accounts.CompleteAsync(client, ticket, login.Split('.')[^1] + "2026!");

        Assert.NotNull((await Html.ReadAsync(answer)).QuerySelector("li[data-rule='ContainsLogin'].broken"));
    }

    [Fact]
    public async Task Without_the_charter_accepted_or_with_a_bad_email_or_phone_nothing_changes()
    {
        var login = await PendingAsync("CM1 A", 4);
        var code = await Accounts.IssueCodeAsync(app, login);
        var client = app.CreateBrowserlikeClient();
        var ticket = Accounts.TicketOf(await (await Accounts.CheckAsync(client, login, code)).Content.ReadAsStringAsync(Ct));

        var noCharter = await Accounts.CompleteAsync(client, ticket, NewPassword, acceptCharter: false);
        var badContact = await Accounts.CompleteAsync(client, ticket, NewPassword, email: "not an email", phone: "12");

        Assert.Equal(HttpStatusCode.BadRequest, noCharter.StatusCode);
        Assert.Equal("true", (await Html.ReadAsync(noCharter)).QuerySelector("#accept")?.GetAttribute("aria-invalid"));
        var contact = await Html.ReadAsync(badContact);
        Assert.NotNull(contact.QuerySelector("#email-error"));
        Assert.NotNull(contact.QuerySelector("#phone-error"));
        var user = await Accounts.UserAsync(app, login);
        Assert.Equal(AccountState.PendingActivation, user.State);
        Assert.Null(user.CharterAcceptedAt);
        Assert.Null(user.PasswordHash);
    }

    [Fact]
    public async Task The_code_typed_as_a_password_on_the_login_page_leads_to_activation_and_a_wrong_one_does_not()
    {
        var login = await PendingAsync("CE1 A", 0);
        var code = await Accounts.IssueCodeAsync(app, login);
        var client = app.CreateBrowserlikeClient();

        var redirected = await client.PostLoginAsync(login, code.ToLowerInvariant());
        Assert.Equal("/activate", redirected.RedirectTarget());
        Assert.DoesNotContain(code, redirected.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        var activation = await client.GetAsync("/activate", Ct);
        Assert.Equal(HttpStatusCode.OK, activation.StatusCode);
        var html = await activation.Content.ReadAsStringAsync(Ct);
        Assert.Contains(login, Html.Parse(html).TextOf(".activate-who"), StringComparison.Ordinal);
        Assert.Equal("/", (await Accounts.CompleteAsync(client, Accounts.TicketOf(html), NewPassword)).RedirectTarget());

        var other = await PendingAsync("CE1 A", 1);
        await Accounts.IssueCodeAsync(app, other);
        var wrongCode = await app.CreateBrowserlikeClient().PostLoginAsync(other, "ABCD-EF23");
        var wrongPassword = await app.CreateBrowserlikeClient().PostLoginAsync(other, "not-the-password");
        Assert.Equal(HttpStatusCode.OK, wrongCode.StatusCode);
        Assert.Equal((await Html.ReadAsync(wrongPassword)).TextOf("#login-error"), (await Html.ReadAsync(wrongCode)).TextOf("#login-error"));
    }

    [Fact]
    public async Task A_parent_of_two_schools_reads_both_charters_including_a_school_s_own()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            var victorHugo = await db.Structures.SingleAsync(s => s.Uai == VictorHugo, Ct);
            victorHugo.Charter = "Au collège, on se respecte.\n\n<script>alert(1)</script>";
            await db.SaveChangesAsync(Ct);
        }

        var code = await Accounts.IssueCodeAsync(app, Personas.Sophie, makePending: true);
        var check = await Accounts.CheckAsync(app.CreateBrowserlikeClient(), Personas.Sophie, code);

        var page = await Html.ReadAsync(check);
        var charters = page.QuerySelectorAll(".charter").Select(c => c.TextContent).ToList();
        Assert.Equal(2, charters.Count);
        Assert.Contains(charters, c => c.Contains("Collège Victor Hugo", StringComparison.Ordinal) && c.Contains("Au collège, on se respecte.", StringComparison.Ordinal));
        Assert.Contains(charters, c => c.Contains("École élémentaire Jules Ferry", StringComparison.Ordinal) && c.Contains("Préau est l’espace numérique de travail", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll(".charter script"));
        Assert.Contains("<script>alert(1)</script>", charters[0] + charters[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_checks_the_code_then_activates_and_signs_in()
    {
        var login = await PendingAsync("CP A", 0, Profile.Relative);
        var code = await Accounts.IssueCodeAsync(app, login);
        var client = app.CreateBrowserlikeClient();

        var check = await client.PostAsJsonAsync("/api/v1/activation/check", new { login, code }, Ct);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var invalid = await client.PostAsJsonAsync("/api/v1/activation", new { login, code, password = "court", acceptCharter = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("TooShort", await invalid.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var done = await client.PostAsJsonAsync("/api/v1/activation", new { login, code, password = NewPassword, acceptCharter = true }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
        var reused = await app.CreateBrowserlikeClient().PostAsJsonAsync("/api/v1/activation", new { login, code, password = NewPassword, acceptCharter = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }
}

public sealed class SqliteActivationTests(SqliteApp app) : ActivationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresActivationTests(PostgresApp app) : ActivationTests(app), IClassFixture<PostgresApp>;
