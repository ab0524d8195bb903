using System.Net;
using System.Net.Http.Json;
using Preau.IntegrationTests.Activation;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Sheets;

/// <summary>Connection sheets: the PDF, its codes, who may print what.</summary>
public abstract class SheetsTests(PreauApp app)
{
    private const string JulesFerry = "0751235B";
    private const string VictorHugo = "0751236C";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> PrintAsync(HttpClient client, string uai, string? className, object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["structureId"] = await Accounts.StructureIdAsync(app, uai),
            ["classId"] = className is null ? null : await Accounts.ClassIdAsync(app, className, uai),
        };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        return await client.PostAsJsonAsync("/api/v1/admin/sheets", body, Ct);
    }

    [Fact]
    public async Task A_class_prints_one_page_per_pending_pupil_and_parent_whose_code_activates_the_account()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var pupils = await Accounts.OfClassAsync(app, "CE2 A", JulesFerry, Profile.Student);
        var parents = await Accounts.OfClassAsync(app, "CE2 A", JulesFerry, Profile.Relative);

        var response = await PrintAsync(claire, JulesFerry, "CE2 A");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal(pupils.Count + parents.Count, await Poppler.PageCountAsync(pdf));
        var pages = await Poppler.PagesAsync(pdf);
        // Léa and her mother are active: skipped.
        Assert.DoesNotContain(pages, p => p.Contains(Personas.Lea, StringComparison.Ordinal) || p.Contains(Personas.Sophie, StringComparison.Ordinal));

        var pupil = pupils[0];
        var pupilPage = Assert.Single(pages, p => p.Contains("Élève · CE2 A", StringComparison.Ordinal) && p.Contains(pupil, StringComparison.Ordinal));
        Assert.Contains("À l’attention des parents", pupilPage, StringComparison.Ordinal);
        Assert.Contains("http://localhost", pupilPage, StringComparison.Ordinal);
        var code = Poppler.CodeOf(pupilPage, pupil);

        // The parent's sheet carries the child's code: the same one, issued once in the run.
        Assert.Contains(pages, p => p.Contains("Parent de", StringComparison.Ordinal) && p.Contains("Identifiant : " + pupil, StringComparison.Ordinal)
            && p.Contains(code, StringComparison.Ordinal));

        Assert.Equal("/", (await Accounts.ActivateAsync(app.CreateBrowserlikeClient(), pupil, code, "le chat dort au soleil")).RedirectTarget());
        Assert.True(await Accounts.AuditCountAsync(app, "code.issue") >= 1);
    }

    [Fact]
    public async Task Printing_again_issues_new_codes_and_the_old_sheets_stop_working()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var pupil = (await Accounts.OfClassAsync(app, "CM1 A", JulesFerry, Profile.Student))[0];
        var userId = (await Accounts.UserAsync(app, pupil)).Id;

        var first = await Poppler.PagesAsync(await (await PrintAsync(isabelle, JulesFerry, "CM1 A", new { userIds = new[] { userId } })).Content.ReadAsByteArrayAsync(Ct));
        var second = await Poppler.PagesAsync(await (await PrintAsync(isabelle, JulesFerry, "CM1 A", new { userIds = new[] { userId } })).Content.ReadAsByteArrayAsync(Ct));
        var oldCode = Poppler.CodeOf(Assert.Single(first), pupil);
        var newCode = Poppler.CodeOf(Assert.Single(second), pupil);

        Assert.NotEqual(oldCode, newCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Accounts.CheckAsync(app.CreateBrowserlikeClient(), pupil, oldCode)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Accounts.CheckAsync(app.CreateBrowserlikeClient(), pupil, newCode)).StatusCode);
        Assert.Equal(2, await Accounts.AuditCountAsync(app, "code.issue", userId));
    }

    [Fact]
    public async Task Active_accounts_are_skipped_unless_asked_for_and_then_print_without_a_code()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var lea = await Accounts.UserAsync(app, Personas.Lea);

        var skipped = await PrintAsync(claire, JulesFerry, "CE2 A", new { userIds = new[] { lea.Id } });
        Assert.Equal((HttpStatusCode)422, skipped.StatusCode);

        var printed = await PrintAsync(claire, JulesFerry, "CE2 A", new { userIds = new[] { lea.Id }, includeActive = true });
        var page = Assert.Single(await Poppler.PagesAsync(await printed.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Contains(Personas.Lea, page, StringComparison.Ordinal);
        Assert.Contains("Compte déjà activé", page, StringComparison.Ordinal);
        Assert.Equal(AccountState.Active, (await Accounts.UserAsync(app, Personas.Lea)).State);
        Assert.Equal("/", (await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Lea, PreauApp.Password)).RedirectTarget());
    }

    [Fact]
    public async Task The_print_page_warns_then_answers_the_pdf()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var structureId = await Accounts.StructureIdAsync(app, JulesFerry);
        var classId = await Accounts.ClassIdAsync(app, "CE2 A", JulesFerry);
        var path = $"/admin/sheets?structure={structureId}&class={classId}";

        var page = await claire.GetPageAsync(path);
        Assert.Contains("nouveaux codes", page.TextOf("#sheets-warning"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[value='Staff']"));

        var response = await claire.PostFormAsync(path, [("Audiences", "Pupils"), ("OnlyPending", "false"), ("OnlyPending", "true")], path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((await Accounts.OfClassAsync(app, "CE2 A", JulesFerry, Profile.Student)).Count,
            await Poppler.PageCountAsync(await response.Content.ReadAsByteArrayAsync(Ct)));
    }

    [Fact]
    public async Task A_local_admin_prints_her_school_only()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);

        Assert.Equal(HttpStatusCode.NotFound, (await PrintAsync(isabelle, VictorHugo, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PrintAsync(isabelle, VictorHugo, "5e B")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.GetAsync($"/admin/sheets?structure={await Accounts.StructureIdAsync(app, VictorHugo)}", Ct)).StatusCode);
        var hugo = await Accounts.UserAsync(app, Personas.Hugo);
        Assert.Equal(HttpStatusCode.NotFound, (await PrintAsync(isabelle, JulesFerry, null, new { userIds = new[] { hugo.Id }, includeActive = true })).StatusCode);

        var staff = await PrintAsync(isabelle, JulesFerry, null, new { profiles = new[] { "Teacher", "Personnel" } });
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Contains(await Poppler.PagesAsync(await staff.Content.ReadAsByteArrayAsync(Ct)), p => p.Contains("Enseignant(e)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_class_admin_and_a_teacher_print_their_own_class_only()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        Assert.Equal(HttpStatusCode.NotFound, (await PrintAsync(claire, JulesFerry, "CM2 A")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PrintAsync(claire, JulesFerry, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PrintAsync(claire, JulesFerry, "CE2 A", new { profiles = new[] { "Teacher" } })).StatusCode);
        var ce1Pupil = await Accounts.UserAsync(app, (await Accounts.OfClassAsync(app, "CE1 A", JulesFerry, Profile.Student))[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await PrintAsync(claire, JulesFerry, "CE2 A", new { userIds = new[] { ce1Pupil.Id } })).StatusCode);

        var paul = await app.SignedInClientAsync(Personas.Paul);
        Assert.Equal(HttpStatusCode.OK, (await PrintAsync(paul, VictorHugo, "5e B", new { profiles = new[] { "Student" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PrintAsync(paul, VictorHugo, "6e A")).StatusCode);

        foreach (var login in new[] { Personas.Lea, Personas.Sophie, Personas.Karim })
        {
            var client = await app.SignedInClientAsync(login);
            Assert.Equal(HttpStatusCode.NotFound, (await PrintAsync(client, JulesFerry, "CE2 A")).StatusCode);
        }
    }
}

public sealed class SqliteSheetsTests(SqliteApp app) : SheetsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSheetsTests(PostgresApp app) : SheetsTests(app), IClassFixture<PostgresApp>;
