using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Persistence;
using Preau.Platform.Rights;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Rights;

/// <summary>A Préau with the test-only blog module (<see cref="TestBlog"/>) declaring its rights.</summary>
public class RightsApp(DatabaseKind kind) : PreauApp(kind)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestBlog.AddTo(builder);
    }
}

public sealed class SqliteRightsApp() : RightsApp(DatabaseKind.Sqlite);

public sealed class PostgresRightsApp() : RightsApp(DatabaseKind.Postgres);

/// <summary>
/// Application rights: the launcher and the API obey them, an administrator of the school changes
/// them (at once, audited, reset to defaults), and no one else may.
/// </summary>
public abstract class AppRightsTests(RightsApp app)
{
    private const string JulesFerry = "0751235B";
    private const string VictorHugo = "0751236C";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> StructureAsync(string uai)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        return await db.Structures.Where(s => s.Uai == uai).Select(s => s.Id).SingleAsync(Ct);
    }

    private static async Task<List<string>> LauncherAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/apps", Ct);
        return [.. System.Text.RegularExpressions.Regex.Matches(html, "data-app=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];
    }

    private static async Task<List<string>> RightsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/rights", Ct)).GetProperty("actions").EnumerateArray().Select(a => a.GetString()!)];

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid structure, string action, string[] profiles, Guid[]? groups = null) =>
        await client.PutAsJsonAsync($"/api/v1/admin/structures/{structure}/app-rights",
            new { actions = new[] { new { action, profiles, groups = groups ?? [] } } }, Ct);

    private async Task<List<(string Action, string? Details)>> AuditAsync(Guid structure)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        return [.. (await db.AuditEntries.Where(e => e.StructureId == structure && e.Action.StartsWith("app-rights.")).OrderBy(e => e.At)
            .Select(e => new { e.Action, e.Details }).ToListAsync(Ct)).Select(e => (e.Action, e.Details))];
    }

    [Fact]
    public async Task The_launcher_shows_and_hides_an_app_at_once_as_its_access_right_changes_and_comes_back_on_reset()
    {
        var school = await StructureAsync(JulesFerry);
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var karim = await app.SignedInClientAsync(Personas.Karim);
        var audited = (await AuditAsync(school)).Count;
        Assert.Contains("journal", await LauncherAsync(lea));
        Assert.Contains("journal", await LauncherAsync(karim));
        Assert.Contains("help", await LauncherAsync(lea));

        var put = await PutAsync(isabelle, school, TestBlog.Access, ["Relative", "Teacher", "Personnel", "Periscolaire"]);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        Assert.DoesNotContain("journal", await LauncherAsync(lea));
        Assert.DoesNotContain(TestBlog.Access, await RightsAsync(lea));
        Assert.Contains("help", await LauncherAsync(lea));
        Assert.Contains("account", await LauncherAsync(lea));
        Assert.Contains("journal", await LauncherAsync(karim));

        var reset = await isabelle.PostAsync($"/api/v1/admin/structures/{school}/app-rights/reset", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Contains("journal", await LauncherAsync(lea));

        var audit = (await AuditAsync(school)).Skip(audited).ToList();
        Assert.Equal(["app-rights.update", "app-rights.reset"], audit.Select(a => a.Action));
        Assert.Contains("journal.access: -Student", audit[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_requiring_a_right_answers_403_until_the_school_grants_it()
    {
        var school = await StructureAsync(JulesFerry);
        var lea = await app.SignedInClientAsync(Personas.Lea);

        // Pupils write posts by default, but do not create blogs.
        Assert.Equal(HttpStatusCode.OK, (await lea.PostAsync("/api/v1/test-blog/posts", null, Ct)).StatusCode);
        var refused = await lea.PostAsync("/api/v1/test-blog/blogs", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(TestBlog.Post, await RightsAsync(lea));
        Assert.DoesNotContain(TestBlog.Create, await RightsAsync(lea));

        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(isabelle, school, TestBlog.Create, ["Student", "Teacher", "Personnel"])).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await lea.PostAsync("/api/v1/test-blog/blogs", null, Ct)).StatusCode);
        Assert.Contains(TestBlog.Create, await RightsAsync(lea));

        // Hugo is a pupil of another school: what Jules Ferry opened is not his.
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Equal(HttpStatusCode.Forbidden, (await hugo.PostAsync("/api/v1/test-blog/blogs", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PostAsync($"/api/v1/admin/structures/{school}/app-rights/reset", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lea.PostAsync("/api/v1/test-blog/blogs", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Defaults_differ_by_degree_and_a_parent_holds_the_union_of_her_childrens_schools()
    {
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        Assert.DoesNotContain(TestBlog.Comment, await RightsAsync(lea));
        Assert.Contains(TestBlog.Comment, await RightsAsync(hugo));

        // Sophie is a parent at both schools: taking the access away in one leaves her the other's.
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var school = await StructureAsync(JulesFerry);
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(isabelle, school, TestBlog.Access, ["Student", "Teacher", "Personnel", "Periscolaire"])).StatusCode);
        Assert.Contains(TestBlog.Access, await RightsAsync(sophie));
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PostAsync($"/api/v1/admin/structures/{school}/app-rights/reset", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_group_of_the_school_added_on_the_screen_gets_the_access_and_its_members_hold_it()
    {
        var school = await StructureAsync(JulesFerry);
        Guid group;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            group = await db.Groups.Where(g => g.StructureId == school && g.ClassId != null && g.Profile == Platform.Kernel.Profile.Student
                && db.GroupMembers.Any(m => m.GroupId == g.Id && db.Users.Any(u => u.Id == m.UserId && u.Login == Personas.Lea))).Select(g => g.Id).SingleAsync(Ct);
        }

        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var lea = await app.SignedInClientAsync(Personas.Lea);
        // Pupils lose the access as a profile, then Léa's class group gets it back from the screen.
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(isabelle, school, TestBlog.Access, ["Relative", "Teacher", "Personnel", "Periscolaire"])).StatusCode);
        Assert.DoesNotContain("journal", await LauncherAsync(lea));

        var page = $"/admin/structures/{school}/apps";
        var html = await isabelle.GetStringAsync(page, Ct);
        Assert.Contains("journal.create", html, StringComparison.Ordinal);
        var token = await PreauApp.AntiforgeryTokenAsync(isabelle, page);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__csrf", token), new("app", "journal"), new("addGroup", group.ToString()),
            new("r", "journal.access|p:Teacher"), new("r", "journal.access|p:Personnel"), new("r", "journal.access|p:Relative"), new("r", "journal.access|p:Periscolaire"),
            new("r", "journal.create|p:Teacher"), new("r", "journal.create|p:Personnel"),
            new("r", "journal.post|p:Student"), new("r", "journal.post|p:Teacher"), new("r", "journal.post|p:Personnel"),
            new("r", "journal.comment|p:Relative"), new("r", "journal.comment|p:Teacher"), new("r", "journal.comment|p:Personnel"),
        };
        var posted = await isabelle.PostAsync(page + "?handler=Save", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(page + "?done=saved", posted.Headers.Location?.OriginalString);

        Assert.Contains("journal", await LauncherAsync(lea));
        var after = await isabelle.GetStringAsync(page, Ct);
        Assert.Contains($"value=\"journal.access|g:{group}\" checked", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PostAsync($"/api/v1/admin/structures/{school}/app-rights/reset", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_page_model_requiring_a_right_shows_the_forbidden_page_until_the_school_grants_it()
    {
        var lea = await app.UserAsync(Personas.Lea);
        var filter = new RequireAppRightAttribute(TestBlog.Create);

        async Task<IActionResult?> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var http = new DefaultHttpContext
            {
                RequestServices = scope.ServiceProvider,
                User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PreauClaims.UserId, lea.Id.ToString())], PreauClaims.Scheme)),
            };
            var context = new PageHandlerExecutingContext(
                new PageContext(new ActionContext(http, new RouteData(), new CompiledPageActionDescriptor())), [], null, new Dictionary<string, object?>(), new object());
            var ran = false;
            await filter.OnPageHandlerExecutionAsync(context, () =>
            {
                ran = true;
                return Task.FromResult<PageHandlerExecutedContext>(null!);
            });
            return ran ? null : context.Result;
        }

        var refused = Assert.IsType<StatusCodeResult>(await RunAsync());
        Assert.Equal(StatusCodes.Status403Forbidden, refused.StatusCode);

        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var school = await StructureAsync(JulesFerry);
        Assert.Equal(HttpStatusCode.NoContent, (await PutAsync(isabelle, school, TestBlog.Create, ["Student", "Teacher", "Personnel"])).StatusCode);
        Assert.Null(await RunAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PostAsync($"/api/v1/admin/structures/{school}/app-rights/reset", null, Ct)).StatusCode);

        // The forbidden page itself, in the person's interface.
        var client = await app.SignedInClientAsync(Personas.Lea);
        var page = await client.GetAsync("/error/403", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Accès refusé", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_schools_administrator_or_the_super_admin_see_and_change_its_rights()
    {
        var ferry = await StructureAsync(JulesFerry);
        var hugoSchool = await StructureAsync(VictorHugo);
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);

        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.GetAsync($"/admin/structures/{hugoSchool}/apps", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.GetAsync($"/api/v1/admin/structures/{hugoSchool}/app-rights", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(isabelle, hugoSchool, TestBlog.Create, ["Student"])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsync($"/api/v1/admin/structures/{hugoSchool}/app-rights/reset", null, Ct)).StatusCode);
        Assert.Empty(await AuditAsync(hugoSchool));

        var claire = await app.SignedInClientAsync(Personas.Claire);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/admin/structures/{ferry}/apps", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(claire, ferry, TestBlog.Create, ["Student"])).StatusCode);

        // Bad input is a validation problem, not a silent change.
        var unknown = await PutAsync(isabelle, ferry, "news.publish", ["Student"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var foreignGroup = await PutAsync(isabelle, ferry, TestBlog.Create, ["Teacher"], [hugoSchool]);
        Assert.Equal(HttpStatusCode.BadRequest, foreignGroup.StatusCode);

        var admin = await app.SignedInClientAsync(Personas.Admin);
        var matrix = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/structures/{hugoSchool}/app-rights", Ct);
        Assert.False(matrix.GetProperty("customised").GetBoolean());
        Assert.Contains("journal", matrix.GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/structures/{hugoSchool}/apps", Ct)).StatusCode);
    }
}

public sealed class SqliteAppRightsTests(SqliteRightsApp app) : AppRightsTests(app), IClassFixture<SqliteRightsApp>;

public sealed class PostgresAppRightsTests(PostgresRightsApp app) : AppRightsTests(app), IClassFixture<PostgresRightsApp>;
