using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.IntegrationTests.Activation;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Sheets;

/// <summary>Staff resetting a password: a new code, sessions ended, and who may do it for whom.</summary>
public abstract class ResetPasswordTests(PreauApp app)
{
    private const string JulesFerry = "0751235B";
    private const string VictorHugo = "0751236C";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> ResetAsync(HttpClient client, Guid userId) =>
        client.PostAsync($"/api/v1/admin/users/{userId}/reset-password", null, Ct);

    private async Task<Guid> IdAsync(string login) => (await Accounts.UserAsync(app, login)).Id;

    [Fact]
    public async Task A_teacher_resets_a_pupil_of_her_class_who_is_signed_out_everywhere_and_activates_with_the_new_code()
    {
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Equal(HttpStatusCode.OK, (await hugo.GetAsync("/api/v1/me", Ct)).StatusCode);
        var paul = await app.SignedInClientAsync(Personas.Paul);
        var path = $"/admin/users/{await IdAsync(Personas.Hugo)}/reset-password";

        var confirm = await paul.GetPageAsync(path);
        Assert.Contains("Hugo Dubois", confirm.TextOf("h1"), StringComparison.Ordinal);
        var result = await paul.PostFormAsync(path, [], path);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Contains("no-store", result.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var page = await Html.ReadAsync(result);
        var code = page.TextOf("#activation-code");
        var user = await Accounts.UserAsync(app, Personas.Hugo);
        Assert.Equal(AccountState.PendingActivation, user.State);
        Assert.Null(user.PasswordHash);
        Assert.Equal(1, await Accounts.AuditCountAsync(app, "password.reset-by-admin", user.Id));

        // Signed out everywhere at once, and the old password is gone.
        Assert.Equal(HttpStatusCode.Unauthorized, (await hugo.GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.NotEqual("/", (await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Hugo, PreauApp.Password)).Headers.Location?.OriginalString);

        // The one-page sheet carries the same code, without issuing another.
        var ticket = page.QuerySelector("input[name='Ticket']")!.GetAttribute("value")!;
        var sheet = await paul.PostFormAsync(path + "?handler=Sheet", [("Ticket", ticket)], path);
        Assert.Equal("application/pdf", sheet.Content.Headers.ContentType?.MediaType);
        var sheetPage = Assert.Single(await Poppler.PagesAsync(await sheet.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(code, Poppler.CodeOf(sheetPage, Personas.Hugo));

        Assert.Equal("/", (await Accounts.ActivateAsync(app.CreateBrowserlikeClient(), Personas.Hugo, code, "un nouveau départ")).RedirectTarget());
    }

    [Fact]
    public async Task A_class_admin_resets_the_pupils_of_her_class_only_and_never_a_parent()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var ownPupil = await IdAsync((await Accounts.OfClassAsync(app, "CE2 A", JulesFerry, Profile.Student, state: null))[^1]);
        var otherPupil = await IdAsync((await Accounts.OfClassAsync(app, "CM2 A", JulesFerry, Profile.Student, state: null))[0]);
        var parent = await IdAsync((await Accounts.OfClassAsync(app, "CE2 A", JulesFerry, Profile.Relative, state: null))[0]);

        var done = await ResetAsync(claire, ownPupil);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", (await done.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("activationCode").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await ResetAsync(claire, otherPupil)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ResetAsync(claire, parent)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/admin/users/{parent}/reset-password", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ResetAsync(claire, await IdAsync(Personas.Isabelle))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ResetAsync(claire, await IdAsync(Personas.Claire))).StatusCode);
    }

    [Fact]
    public async Task A_local_admin_resets_anyone_of_her_school_but_the_super_admin_and_no_one_elsewhere()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var teacher = await IdAsync((await Accounts.OfClassAsync(app, "CP A", JulesFerry, Profile.Teacher, state: null))[0]);
        var parent = await IdAsync((await Accounts.OfClassAsync(app, "CP A", JulesFerry, Profile.Relative, state: null))[0]);

        Assert.Equal(HttpStatusCode.OK, (await ResetAsync(isabelle, teacher)).StatusCode);
        var pdf = await isabelle.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/users/{parent}/reset-password")
        {
            Headers = { { "Accept", "application/pdf" } },
        }, Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await Poppler.PageCountAsync(await pdf.Content.ReadAsByteArrayAsync(Ct)));

        Assert.Equal(HttpStatusCode.NotFound, (await ResetAsync(isabelle, await IdAsync(Personas.Admin))).StatusCode);
        var victorHugoPupil = await IdAsync((await Accounts.OfClassAsync(app, "6e A", VictorHugo, Profile.Student, state: null))[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await ResetAsync(isabelle, victorHugoPupil)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ResetAsync(isabelle, Guid.NewGuid())).StatusCode);

        foreach (var login in new[] { Personas.Sophie, Personas.Karim })
        {
            var client = await app.SignedInClientAsync(login);
            Assert.Equal(HttpStatusCode.NotFound, (await ResetAsync(client, victorHugoPupil)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ResetAsync(client, teacher)).StatusCode);
        }
    }

    [Fact]
    public async Task Ma_classe_offers_a_new_code_per_pupil_and_the_class_s_sheets()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);

        var page = await claire.GetPageAsync("/admin/my-class");

        var pupils = await Accounts.OfClassAsync(app, "CE2 A", JulesFerry, Profile.Student, state: null);
        Assert.Equal(pupils.Count, page.QuerySelectorAll("a[href$='/reset-password?returnUrl=/admin/my-class']").Length);
        var print = page.QuerySelector("a[href^='/admin/sheets?structure=']")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await claire.GetAsync(print, Ct)).StatusCode);
    }
}

public sealed class SqliteResetPasswordTests(SqliteApp app) : ResetPasswordTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresResetPasswordTests(PostgresApp app) : ResetPasswordTests(app), IClassFixture<PostgresApp>;
