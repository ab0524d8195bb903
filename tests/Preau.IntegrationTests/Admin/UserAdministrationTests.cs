using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Admin;

/// <summary>
/// The director of Jules Ferry administers her school's accounts through the API and the pages:
/// each operation does what it says, keeps the directory's rules, and is in the audit trail.
/// </summary>
public abstract class UserAdministrationTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task Search_ignores_accents_and_capitals_matches_name_or_login_prefixes_and_sorts_in_french()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);

        async Task<List<string>> LoginsAsync(string query) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?q={Uri.EscapeDataString(query)}", Ct))
                .GetProperty("users").EnumerateArray().Select(u => u.GetProperty("login").GetString()!).ToList();

        var dubois = await LoginsAsync("DUBÖ");
        Assert.Contains("lea.dubois", dubois);
        Assert.Contains("sophie.dubois", dubois);
        Assert.DoesNotContain("hugo.dubois", dubois); // Victor Hugo
        Assert.Equal(["lea.dubois"], await LoginsAsync("dubois l"));
        Assert.Contains("lea.dubois", await LoginsAsync("Léa"));
        Assert.Equal(["lea.dubois"], await LoginsAsync("lea.dubois"));
        Assert.Equal(["isabelle.moreau"], await LoginsAsync("Moreau Isa"));
        Assert.Empty(await LoginsAsync("zzzz"));

        // The whole school, page after page, in French order of "nom prénom" (É with E).
        var names = new List<(string Last, string First)>();
        for (var page = 1; ; page++)
        {
            var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?page={page}", Ct);
            var users = json.GetProperty("users").EnumerateArray().ToList();
            names.AddRange(users.Select(u => (u.GetProperty("displayName").GetString()!, u.GetProperty("login").GetString()!)));
            if (page >= json.GetProperty("pageCount").GetInt32())
            {
                Assert.Equal(json.GetProperty("total").GetInt32(), names.Count);
                break;
            }
        }

        var detail = await app.WithDbAsync(db => db.Users.AsNoTracking().Select(u => new { u.Login, u.LastName, u.FirstName }).ToListAsync(Ct));
        var byLogin = detail.ToDictionary(u => u.Login);
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace);
        var lastNames = names.Select(n => byLogin[n.First].LastName).ToList();
        Assert.Equal(lastNames.Order(french), lastNames);
        Assert.Equal(names.Count, names.Select(n => n.First).Distinct().Count());
    }

    [Fact]
    public async Task Filters_by_class_profile_and_state()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var ce2 = await app.ClassIdAsync("CE2 A", AdminData.JulesFerry);

        var pupils = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?classId={ce2}&profile=Student", Ct);
        var active = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?classId={ce2}&state=Active", Ct);

        Assert.All(pupils.GetProperty("users").EnumerateArray(), u => Assert.Equal("Student", u.GetProperty("profile").GetString()));
        Assert.True(pupils.GetProperty("total").GetInt32() >= 8);
        var activeLogins = active.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("login").GetString()).ToList();
        Assert.Contains("claire.martin", activeLogins);
        Assert.All(active.GetProperty("users").EnumerateArray(), u => Assert.Equal("Active", u.GetProperty("state").GetString()));
        var pending = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?classId={ce2}&state=PendingActivation&profile=Teacher", Ct);
        Assert.Equal(0, pending.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Creating_a_pupil_gives_a_login_and_a_code_once_places_them_and_is_audited()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var cm1 = await app.ClassIdAsync("CM1 A", AdminData.JulesFerry);

        var response = await client.PostAsJsonAsync("/api/v1/admin/users", new
        {
            structureId = julesFerry, profile = "Student", firstName = "Anaïs", lastName = "Créteil", birthDate = "2016-03-04", classId = cm1,
        }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await JsonAsync(response);
        Assert.Equal("anais.creteil", created.GetProperty("login").GetString());
        var code = created.GetProperty("activationCode").GetString()!;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(response.Headers.Location!.OriginalString, $"/api/v1/admin/users/{id}");
        var user = await app.UserAsync("anais.creteil");
        Assert.Equal(AccountState.PendingActivation, user.State);
        Assert.NotEqual(code, user.ActivationCodeHash);
        Assert.Equal(["CM1 A"], await app.ClassesOfAsync(id));
        var entry = Assert.Single(await app.AuditAsync(AuditActions.UserCreate, id));
        Assert.Equal(julesFerry, entry.StructureId);
        Assert.Equal("Isabelle Moreau", entry.ActorName);

        // The user's page tells the code waits, without showing it.
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{id}", Ct);
        Assert.Equal("Pending", detail.GetProperty("code").GetString());
        Assert.DoesNotContain(code, detail.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_answers_problem_details_listing_each_field()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);

        var response = await client.PostAsJsonAsync("/api/v1/admin/users", new
        {
            structureId = julesFerry, profile = "Student", firstName = " ", lastName = "", email = "not-an-email", birthDate = "2999-01-01",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal(["birthDate", "email", "firstName", "lastName"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var duplicate = await client.PostAsJsonAsync($"/api/v1/admin/structures/{julesFerry}/classes", new { name = "CE2 A", level = "CE2" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await JsonAsync(duplicate)).GetProperty("errors").TryGetProperty("name", out _));
        var wrongLevel = await client.PostAsJsonAsync($"/api/v1/admin/structures/{julesFerry}/classes", new { name = "6e A", level = "Sixieme" }, Ct);
        Assert.True((await JsonAsync(wrongLevel)).GetProperty("errors").TryGetProperty("level", out _));
    }

    [Fact]
    public async Task Editing_a_person_changes_their_names_and_says_which_fields_changed()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var karim = await app.UserIdAsync(Personas.Karim);

        var response = await client.PutAsJsonAsync($"/api/v1/admin/users/{karim}", new { firstName = "Karim", lastName = "Benali-Roux", email = "Karim.B@Example.fr", phone = "06 12 34 56 78" }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var user = await app.UserAsync(Personas.Karim);
        Assert.Equal("Karim Benali-Roux", user.DisplayName);
        Assert.Equal("karim.b@example.fr", user.Email);
        Assert.Equal("karim.benali", user.Login);
        Assert.Equal("lastName, email, phone", Assert.Single(await app.AuditAsync(AuditActions.UserUpdate, karim)).Details);
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/users?q=benali%20roux", Ct);
        Assert.Equal(karim, Assert.Single(found.GetProperty("users").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Moving_a_pupil_moves_their_parents_class_groups()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var (pupil, parent) = await app.FamilyInAsync("CP A");
        var ce1 = await app.ClassIdAsync("CE1 A", AdminData.JulesFerry);

        var response = await client.PostAsJsonAsync($"/api/v1/admin/users/{pupil}/move", new { classId = ce1 }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["CE1 A"], await app.ClassesOfAsync(pupil));
        Assert.Equal(["CE1 A"], await app.ClassesOfAsync(parent));
        Assert.Equal([AdminData.JulesFerry], await app.StructuresOfAsync(parent));
        Assert.Equal("CP A → CE1 A", Assert.Single(await app.AuditAsync(AuditActions.UserMoveClass, pupil)).Details);
        var parentToo = await client.PostAsJsonAsync($"/api/v1/admin/users/{parent}/move", new { classId = ce1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, parentToo.StatusCode);
    }

    [Fact]
    public async Task A_parent_with_a_child_in_each_school_keeps_the_other_class_when_one_child_moves()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var lea = await app.UserIdAsync(Personas.Lea);
        var sophie = await app.UserIdAsync(Personas.Sophie);
        var cm2 = await app.ClassIdAsync("CM2 A", AdminData.JulesFerry);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/admin/users/{lea}/move", new { classId = cm2 }, Ct)).StatusCode);

        Assert.Equal(["5e B", "CM2 A"], (await app.ClassesOfAsync(sophie)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Linking_and_unlinking_a_parent_joins_and_leaves_the_childs_class_and_school()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var (pupil, _) = await app.FamilyInAsync("CM1 A");
        var created = await JsonAsync(await client.PostAsJsonAsync("/api/v1/admin/users", new { structureId = julesFerry, profile = "Relative", firstName = "Bruno", lastName = "Tuteur" }, Ct));
        var parent = created.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/admin/users/{parent}/children", new { childId = pupil }, Ct)).StatusCode);
        Assert.Equal(["CM1 A"], await app.ClassesOfAsync(parent));
        Assert.Single(await app.AuditAsync(AuditActions.UserLinkChild, parent));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/admin/users/{parent}/children/{pupil}", Ct)).StatusCode);
        Assert.Empty(await app.ClassesOfAsync(parent));
        Assert.Empty(await app.StructuresOfAsync(parent));
        Assert.False(await app.WithDbAsync(db => db.ParentLinks.AnyAsync(l => l.RelativeId == parent, Ct)));
        Assert.Single(await app.AuditAsync(AuditActions.UserUnlinkChild, parent));
    }

    [Fact]
    public async Task Blocking_a_user_ends_their_sessions_and_refuses_their_sign_in_until_unblocked()
    {
        var karim = await app.SignedInClientAsync(Personas.Karim);
        var karimId = await app.UserIdAsync(Personas.Karim);
        Assert.Equal(HttpStatusCode.OK, (await karim.GetAsync("/", Ct)).StatusCode);
        var client = await app.SignedInClientAsync(Personas.Isabelle);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/admin/users/{karimId}/block", null, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await karim.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PreauApp.PostLoginAsync(app.CreateBrowserlikeClient(), Personas.Karim, PreauApp.Password)).StatusCode);
        Assert.Equal(AccountState.Blocked, (await app.UserAsync(Personas.Karim)).State);
        Assert.Single(await app.AuditAsync(AuditActions.UserBlock, karimId));
        Assert.False(await app.WithDbAsync(db => db.UserSessions.AnyAsync(s => s.UserId == karimId && s.RevokedAt == null, Ct)));
        var self = await client.PostAsync($"/api/v1/admin/users/{await app.UserIdAsync(Personas.Isabelle)}/block", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/admin/users/{karimId}/unblock", null, Ct)).StatusCode);
        Assert.Equal(AccountState.Active, (await app.UserAsync(Personas.Karim)).State);
        Assert.Single(await app.AuditAsync(AuditActions.UserUnblock, karimId));
        await app.SignedInClientAsync(Personas.Karim);
    }

    [Fact]
    public async Task Sessions_are_listed_and_revoked_one_or_all()
    {
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var phone = await app.SignedInClientAsync(Personas.Claire);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var laptop = await app.SignedInClientAsync(Personas.Claire);
        var claire = await app.UserIdAsync(Personas.Claire);
        var client = await app.SignedInClientAsync(Personas.Isabelle);

        var sessions = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{claire}/sessions", Ct);
        Assert.True(sessions.GetArrayLength() >= 2);
        var newest = sessions.EnumerateArray().OrderByDescending(s => s.GetProperty("createdAt").GetDateTimeOffset()).First().GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/admin/users/{claire}/sessions/{newest}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/", Ct)).StatusCode);

        var all = await client.DeleteAsync($"/api/v1/admin/users/{claire}/sessions", Ct);
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.True((await JsonAsync(all)).GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/", Ct)).StatusCode);
        Assert.Equal(2, (await app.AuditAsync(AuditActions.UserSessionsRevoke, claire)).Count);
    }

    [Fact]
    public async Task Functions_are_granted_and_revoked_within_the_school()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var cm1 = await app.ClassIdAsync("CM1 A", AdminData.JulesFerry);
        var claire = await app.UserIdAsync(Personas.Claire);
        var lea = await app.UserIdAsync(Personas.Lea);
        var claireClient = await app.SignedInClientAsync(Personas.Claire);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/admin/users/{claire}/functions", new { function = "LocalAdmin", structureId = julesFerry }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/admin/users/{claire}/functions", new { function = "ClassAdmin", classId = cm1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await claireClient.GetAsync("/admin", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await claireClient.GetAsync($"/admin/classes/{cm1}", Ct)).StatusCode);
        Assert.Equal(2, (await app.AuditAsync(AuditActions.UserGrant, claire)).Count);

        // A new LocalAdmin's next sign-in goes through enrolling a second factor before anything else.
        var signIn = await PreauApp.PostLoginAsync(app.CreateBrowserlikeClient(), Personas.Claire, PreauApp.Password);
        Assert.Equal("/login/mfa/enrol", signIn.Headers.Location?.OriginalString);

        // A pupil holds no function; a director does not strip herself.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/admin/users/{lea}/functions", new { function = "LocalAdmin", structureId = julesFerry }, Ct)).StatusCode);
        var isabelle = await app.UserIdAsync(Personas.Isabelle);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync($"/api/v1/admin/users/{isabelle}/functions/LocalAdmin?structureId={julesFerry}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/admin/users/{claire}/functions/LocalAdmin?structureId={julesFerry}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/admin/users/{claire}/functions/ClassAdmin?classId={cm1}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claireClient.GetAsync("/admin", Ct)).StatusCode);
        Assert.Equal(2, (await app.AuditAsync(AuditActions.UserRevoke, claire)).Count);
    }

    [Fact]
    public async Task Classes_are_created_and_renamed_with_their_groups()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);

        var created = await client.PostAsJsonAsync($"/api/v1/admin/structures/{julesFerry}/classes", new { name = "CM2 B", level = "CM2" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal(Enum.GetValues<Profile>().Length, await app.WithDbAsync(db => db.Groups.CountAsync(g => g.ClassId == id && g.Kind == GroupKind.Profile, Ct)));

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/admin/classes/{id}", new { name = "CM1-CM2", level = "CM1" }, Ct)).StatusCode);
        var schoolClass = await app.WithDbAsync(db => db.Classes.SingleAsync(c => c.Id == id, Ct));
        Assert.Equal(("CM1-CM2", ClassLevel.CM1), (schoolClass.Name, schoolClass.Level));
        var structure = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/structures/{julesFerry}", Ct);
        Assert.Contains(structure.GetProperty("classes").EnumerateArray(), c => c.GetProperty("name").GetString() == "CM1-CM2");
        Assert.Contains(await app.AuditAsync(AuditActions.ClassCreate), a => a.Details == "CM2 B (CM2)");
        Assert.Contains(await app.AuditAsync(AuditActions.ClassUpdate), a => a.Details == "CM2 B (CM2) → CM1-CM2 (CM1)");
    }

    [Fact]
    public async Task Manual_groups_are_created_renamed_filled_emptied_and_deleted()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var claire = await app.UserIdAsync(Personas.Claire);
        var hugo = await app.UserIdAsync(Personas.Hugo);

        var created = await client.PostAsJsonAsync($"/api/v1/admin/structures/{julesFerry}/groups", new { name = "Chorale" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/admin/groups/{id}", new { name = "Chorale de l'école" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsync($"/api/v1/admin/groups/{id}/members/{claire}", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync($"/api/v1/admin/groups/{id}/members/{hugo}", null, Ct)).StatusCode);

        var group = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/groups/{id}", Ct);
        Assert.Equal("Chorale de l'école", group.GetProperty("name").GetString());
        Assert.Equal(["claire.martin"], group.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("login").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/admin/groups/{id}/members/{claire}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/admin/groups/{id}", Ct)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Groups.AnyAsync(g => g.Id == id, Ct)));
        foreach (var action in new[] { AuditActions.GroupCreate, AuditActions.GroupUpdate, AuditActions.GroupAddMember, AuditActions.GroupRemoveMember, AuditActions.GroupDelete })
        {
            Assert.Contains(await app.AuditAsync(action), a => a.StructureId == julesFerry);
        }
    }

    [Fact]
    public async Task The_audit_trail_is_filtered_newest_first_and_labelled()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var created = await JsonAsync(await client.PostAsJsonAsync("/api/v1/admin/users", new { structureId = julesFerry, profile = "Personnel", firstName = "Agnès", lastName = "Journal" }, Ct));
        var karim = created.GetProperty("id").GetGuid();
        await client.PutAsJsonAsync($"/api/v1/admin/users/{karim}", new { firstName = "Agnès", lastName = "Journal", phone = "0102030405" }, Ct);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await client.PutAsJsonAsync($"/api/v1/admin/users/{karim}", new { firstName = "Agnès", lastName = "Journal", phone = "0102030406" }, Ct);

        var trail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?personId={karim}&action=user.update&structureId={julesFerry}", Ct);
        var entries = trail.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.True(entries[0].GetProperty("at").GetDateTimeOffset() >= entries[1].GetProperty("at").GetDateTimeOffset());
        Assert.All(entries, e => Assert.Equal("user.update", e.GetProperty("action").GetString()));
        var today = Platform.Kernel.SchoolTime.ToParis(app.Clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var none = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?personId={karim}&to=2020-01-01", Ct);
        Assert.Empty(none.GetProperty("entries").EnumerateArray());
        var since = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?personId={karim}&from={today}&to={today}", Ct);
        Assert.NotEmpty(since.GetProperty("entries").EnumerateArray());

        var page = await client.GetPageAsync($"/admin/audit?person={karim}");
        Assert.Contains("Compte modifié", page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class SqliteUserAdministrationTests(SqliteApp app) : UserAdministrationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresUserAdministrationTests(PostgresApp app) : UserAdministrationTests(app), IClassFixture<PostgresApp>;
