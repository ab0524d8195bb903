using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Preau.Admin.Audit;
using Preau.Platform.Directory.Features;
using Preau.Testing;

namespace Preau.IntegrationTests.Admin;

/// <summary>The administration pages: their forms carry the antiforgery token, do what they say and show the outcome.</summary>
public abstract class AdminPagesTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_an_account_on_the_page_shows_its_login_and_code_once()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var cp = await app.ClassIdAsync("CP A", AdminData.JulesFerry);
        var form = $"/admin/users/new?structure={julesFerry}";

        var response = await client.PostFormAsync(form,
            [("Input.Profile", "Student"), ("Input.LastName", "Zéphyr"), ("Input.FirstName", "Noé"), ("Input.BirthDate", "2019-05-02"), ("Input.ClassId", cp.ToString())], form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "The page with the code must not be stored.");
        var page = await Html.ReadAsync(response);
        var codes = page.QuerySelectorAll("code.code-reveal").Select(c => c.TextContent).ToList();
        Assert.Equal("noe.zephyr", codes[0]);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", codes[1]);
        var id = await app.UserIdAsync("noe.zephyr");
        Assert.Equal(["CP A"], await app.ClassesOfAsync(id));
        Assert.NotNull(page.QuerySelector($"a[href='/admin/sheets?structure={julesFerry}&userIds={id}']"));

        // The person's page never shows the code again.
        var detail = await client.GetStringAsync($"/admin/users/{id}", Ct);
        Assert.DoesNotContain(codes[1], detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_errors_comes_back_with_each_message_beside_its_field()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var form = $"/admin/users/new?structure={julesFerry}";

        var response = await client.PostFormAsync(form, [("Input.Profile", "Relative"), ("Input.LastName", ""), ("Input.FirstName", "Jo"), ("Input.Email", "jo@"), ("Input.ChildLogin", "personne.inconnue")], form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Ce champ est obligatoire.", page.TextOf("#err-LastName"));
        Assert.Equal("Cette adresse e-mail n'est pas valide.", page.TextOf("#err-Email"));
        Assert.Contains("Indiquez l'identifiant d'un élève de votre établissement", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.FirstName == "Jo", Ct)));
        Assert.Equal("Jo", page.QuerySelector("#Input_FirstName")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Blocking_from_the_users_page_needs_the_token_and_is_audited()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var (pupil, _) = await app.FamilyInAsync("CE1 A");
        var page = $"/admin/users/{pupil}";

        var forged = await client.PostWithoutTokenAsync($"{page}?handler=Block", []);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await app.AuditAsync(AuditActions.UserBlock, pupil));

        var blocked = await client.PostFormAsync($"{page}?handler=Block", [], page);
        Assert.Equal($"{page}?done=blocked", blocked.RedirectTarget());
        var after = await client.GetPageAsync($"{page}?done=blocked");
        Assert.Equal("Bloqué", after.TextOf("main header .state"));
        Assert.Contains("Compte bloqué", after.TextOf("section[aria-labelledby='audit-heading'] ul"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_structure_hub_links_to_every_tool_and_creates_classes_and_groups()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var hub = $"/admin/structures/{julesFerry}";

        var page = await client.GetPageAsync(hub);
        foreach (var link in new[] { $"{hub}/import", $"{hub}/detached", $"{hub}/rollover", $"{hub}/charter", $"/admin/sheets?structure={julesFerry}", $"/admin/audit?structure={julesFerry}", $"/admin/users?structure={julesFerry}" })
        {
            Assert.True(page.QuerySelector($"a[href='{link}']") is not null, $"No link to {link}");
        }

        var group = await client.PostFormAsync($"{hub}?handler=Group", [("name", "Conseil des élèves")], hub);
        Assert.Equal($"{hub}?done=group-created", group.RedirectTarget());
        var cls = await client.PostFormAsync($"{hub}?handler=Class", [("name", "CP B"), ("level", "CP")], hub);
        Assert.Equal($"{hub}?done=class-created", cls.RedirectTarget());
        var duplicate = await client.PostFormAsync($"{hub}?handler=Class", [("name", "CP B"), ("level", "CP")], hub);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        var again = await client.GetPageAsync(hub);
        Assert.Contains("Conseil des élèves", again.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("CP B", again.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_super_admin_sees_people_of_every_school_and_a_local_admin_never_sees_the_super_admin()
    {
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var hugo = await app.UserIdAsync(Personas.Hugo);
        var adminId = await app.UserIdAsync(Personas.Admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/users/{hugo}", Ct)).StatusCode);
        var list = await admin.GetPageAsync("/admin/users?q=dubois");
        Assert.Equal(3, list.QuerySelectorAll("main table tbody tr").Length);
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.GetAsync($"/admin/users/{adminId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task People_saved_before_the_folded_name_existed_are_found_once_folded_at_start()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        await app.WithDbAsync(db => db.Users.Where(u => u.Login == Personas.Karim)
            .ExecuteUpdateAsync(u => u.SetProperty(x => EF.Property<string?>(x, UserSearchName.Property), (string?)null), Ct));
        Assert.DoesNotContain("karim.benali", await client.GetStringAsync("/api/v1/admin/users?q=benali", Ct), StringComparison.Ordinal);

        var backfill = app.Services.GetServices<IHostedService>().OfType<Preau.Admin.Data.UserSearchNameBackfill>().Single();
        await backfill.StartAsync(Ct);

        Assert.Contains("karim.benali", await client.GetStringAsync("/api/v1/admin/users?q=benali", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administration_api_is_described_in_openapi()
    {
        var document = await app.CreateClient().GetStringAsync("/api/v1/openapi.json", Ct);

        foreach (var operation in new[] { "AdminSearchUsers", "AdminGetUser", "AdminCreateUser", "AdminUpdateUser", "AdminMoveUser", "AdminLinkChild",
            "AdminUnlinkChild", "AdminBlockUser", "AdminUnblockUser", "AdminGrantFunction", "AdminRevokeFunction", "AdminListSessions",
            "AdminRevokeSession", "AdminRevokeAllSessions", "AdminBlockProfile", "AdminUnblockProfile", "AdminCreateClass", "AdminUpdateClass",
            "AdminCreateGroup", "AdminRenameGroup", "AdminDeleteGroup", "AdminAddGroupMember", "AdminRemoveGroupMember", "AdminSearchAudit" })
        {
            Assert.Contains($"\"operationId\": \"{operation}\"", document, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteAdminPagesTests(SqliteApp app) : AdminPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAdminPagesTests(PostgresApp app) : AdminPagesTests(app), IClassFixture<PostgresApp>;
