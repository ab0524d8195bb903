using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Admin;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Communication;

/// <summary>
/// Administrators edit the communication rules: a change applies at once (the visible sets
/// cached before it are forgotten) and is audited; sensitive links wait for a confirmation;
/// a LocalAdmin stays inside her school and below the SuperAdmin's links; reset brings the
/// defaults back. Through the API and the page's forms.
/// </summary>
public abstract class RulesEditorTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Api(Guid structureId) => $"/api/v1/admin/structures/{structureId}/communication";

    /// <summary>Two parents of CE2 A, of two different pupils, each with no child elsewhere.</summary>
    private async Task<(Guid First, Guid Second, Guid SecondsChild)> TwoCe2ParentsAsync()
    {
        var (pupil, first) = await app.FamilyInAsync("CE2 A");
        for (var skip = 1; ; skip++)
        {
            var (otherPupil, second) = await app.FamilyInAsync("CE2 A", skip);
            if (otherPupil != pupil && second != first)
            {
                return (first, second, otherPupil);
            }
        }
    }

    private static Task<Guid> SchoolGroupAsync(PreauApp app, string uai, Profile profile) =>
        app.WithDbAsync(db => db.Groups.Where(g => g.Kind == GroupKind.Profile && g.ClassId == null && g.Profile == profile
                && db.Structures.Any(s => s.Id == g.StructureId && s.Uai == uai))
            .Select(g => g.Id).SingleAsync(Ct));

    /// <summary>The audit entries of one action in one school, newest first (tests of a class share one app: compare counts).</summary>
    private Task<List<Platform.Audit.AuditEntry>> AuditOfAsync(string action, Guid structureId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action && a.StructureId == structureId)
            .OrderByDescending(a => a.At).ToListAsync(Ct));

    private async Task<int> AuditCountAsync(string action, Guid structureId) => (await AuditOfAsync(action, structureId)).Count;

    [Fact]
    public async Task Parents_of_a_class_reach_each_other_once_the_director_confirms_and_no_longer_once_she_closes_it()
    {
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var parents = await app.GroupAsync("CE2 A", Profile.Relative);
        var (first, second, _) = await TwoCe2ParentsAsync();
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);

        var audited = await AuditCountAsync(RulesEditor.MembersUpdate, julesFerry);

        // Read first, so that the answer sits in the cache the change must forget.
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(first, second, Ct)));

        var unconfirmed = await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{parents}/members", new { speak = true, reachable = true, @internal = true }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, unconfirmed.StatusCode);
        using (var problem = JsonDocument.Parse(await unconfirmed.Content.ReadAsStringAsync(Ct)))
        {
            Assert.Contains("Les parents de CE2 A pourront s'écrire entre eux", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("FamilyFamily", problem.RootElement.GetProperty("warning").GetString());
        }

        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(first, second, Ct)), "Nothing changes before the confirmation.");
        Assert.Equal(audited, await AuditCountAsync(RulesEditor.MembersUpdate, julesFerry));

        var confirmed = await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{parents}/members", new { speak = true, reachable = true, @internal = true, confirm = true }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(first, second, Ct)));
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(second, first, Ct)));
        Assert.Equal(audited + 1, await AuditCountAsync(RulesEditor.MembersUpdate, julesFerry));
        var entry = (await AuditOfAsync(RulesEditor.MembersUpdate, julesFerry))[0];
        Assert.Equal(await app.PersonAsync(Personas.Isabelle), entry.ActorId);
        Assert.Contains("CE2 A", entry.Details, StringComparison.Ordinal);

        // Closing needs no confirmation.
        var closed = await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{parents}/members", new { speak = true, reachable = true, @internal = false }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(first, second, Ct)));
        Assert.Equal(audited + 2, await AuditCountAsync(RulesEditor.MembersUpdate, julesFerry));
    }

    [Fact]
    public async Task A_pupil_parent_link_waits_for_the_confirmation_then_applies_and_closes_at_once()
    {
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var parents = await app.GroupAsync("CE2 A", Profile.Relative);
        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var (first, _, otherChild) = await TwoCe2ParentsAsync();
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var (added, removedCount) = (await AuditCountAsync(RulesEditor.LinkAdd, julesFerry), await AuditCountAsync(RulesEditor.LinkRemove, julesFerry));
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(first, otherChild, Ct)));

        var unconfirmed = await isabelle.PostAsJsonAsync($"{Api(julesFerry)}/links", new { fromGroupId = parents, toGroupId = pupils }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, unconfirmed.StatusCode);
        Assert.Contains("PupilParent", await unconfirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Set<GroupLink>().AnyAsync(l => l.FromGroupId == parents && l.ToGroupId == pupils, Ct)));

        var confirmed = await isabelle.PostAsJsonAsync($"{Api(julesFerry)}/links", new { fromGroupId = parents, toGroupId = pupils, confirm = true }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(first, otherChild, Ct)));
        Assert.Equal(added + 1, await AuditCountAsync(RulesEditor.LinkAdd, julesFerry));

        using (var rules = JsonDocument.Parse(await isabelle.GetStringAsync(Api(julesFerry), Ct)))
        {
            Assert.Contains(rules.RootElement.GetProperty("links").EnumerateArray(),
                l => l.GetProperty("fromGroupId").GetGuid() == parents && l.GetProperty("toGroupId").GetGuid() == pupils);
        }

        var removed = await isabelle.DeleteAsync($"{Api(julesFerry)}/links/{parents}/{pupils}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(first, otherChild, Ct)));
        Assert.Equal(removedCount + 1, await AuditCountAsync(RulesEditor.LinkRemove, julesFerry));
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.DeleteAsync($"{Api(julesFerry)}/links/{parents}/{pupils}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Letting_members_speak_or_be_reached_through_a_sensitive_link_also_waits_for_the_confirmation()
    {
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var parents = await app.GroupAsync("CE2 A", Profile.Relative);
        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var (first, _, otherChild) = await TwoCe2ParentsAsync();
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PostAsJsonAsync($"{Api(julesFerry)}/links", new { fromGroupId = parents, toGroupId = pupils, confirm = true }, Ct)).StatusCode);

        // Parents silenced, then allowed to speak again: the open link to the pupils applies anew.
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{parents}/members", new { speak = false, reachable = true, @internal = false }, Ct)).StatusCode);
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(first, otherChild, Ct)));
        var speak = await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{parents}/members", new { speak = true, reachable = true, @internal = false }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, speak.StatusCode);
        Assert.Contains("PupilParent", await speak.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(first, otherChild, Ct)));
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{parents}/members", new { speak = true, reachable = true, @internal = false, confirm = true }, Ct)).StatusCode);
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(first, otherChild, Ct)));

        // Pupils made unreachable one by one, then reachable again: the same link, the same warning.
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{pupils}/members", new { speak = true, reachable = false, @internal = true }, Ct)).StatusCode);
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(first, otherChild, Ct)));
        Assert.Equal(HttpStatusCode.Conflict, (await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{pupils}/members", new { speak = true, reachable = true, @internal = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{pupils}/members", new { speak = true, reachable = true, @internal = true, confirm = true }, Ct)).StatusCode);
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(first, otherChild, Ct)));

        // The other tests of the class share this city: the link closes again.
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.DeleteAsync($"{Api(julesFerry)}/links/{parents}/{pupils}", Ct)).StatusCode);
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(first, otherChild, Ct)));
    }

    [Fact]
    public async Task A_local_admin_cannot_touch_another_schools_rules_nor_open_what_is_the_super_admins()
    {
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var victorHugo = await app.StructureIdAsync(AdminData.VictorHugo);
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var ferryTeachers = await SchoolGroupAsync(app, AdminData.JulesFerry, Profile.Teacher);
        var hugoTeachers = await SchoolGroupAsync(app, AdminData.VictorHugo, Profile.Teacher);
        var hugo5bParents = await app.GroupAsync("5e B", Profile.Relative);
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("communication."), Ct));

        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.GetAsync(Api(victorHugo), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.GetAsync($"/admin/structures/{victorHugo}/communication", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsync($"{Api(victorHugo)}/reset", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PutAsJsonAsync($"{Api(victorHugo)}/direct", new { relativesReachChildren = false, childrenReachRelatives = false }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PutAsJsonAsync($"{Api(victorHugo)}/groups/{hugo5bParents}/members", new { speak = true, reachable = true, @internal = true, confirm = true }, Ct)).StatusCode);

        // Another school's group under her own school's address is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{hugo5bParents}/members", new { speak = true, reachable = true, @internal = true, confirm = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsJsonAsync($"{Api(julesFerry)}/links", new { fromGroupId = ferryTeachers, toGroupId = hugoTeachers, confirm = true }, Ct)).StatusCode);

        // In her school, families reaching each other over the whole school are the SuperAdmin's.
        var ferryParents = await SchoolGroupAsync(app, AdminData.JulesFerry, Profile.Relative);
        var ferryPupils = await SchoolGroupAsync(app, AdminData.JulesFerry, Profile.Student);
        Assert.Equal(HttpStatusCode.Forbidden, (await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/groups/{ferryParents}/members", new { speak = true, reachable = true, @internal = true, confirm = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await isabelle.PostAsJsonAsync($"{Api(julesFerry)}/links", new { fromGroupId = ferryPupils, toGroupId = ferryParents, confirm = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await isabelle.PostAsJsonAsync($"{Api(julesFerry)}/links", new { fromGroupId = ferryTeachers, toGroupId = ferryTeachers }, Ct)).StatusCode);

        Assert.False(await app.WithDbAsync(db => db.Set<GroupLink>().AnyAsync(l => l.FromGroupId == ferryTeachers && l.ToGroupId == hugoTeachers, Ct)));
        Assert.Equal(audited, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("communication."), Ct)));

        // Nor does anyone without the function get anything.
        var claire = await app.SignedInClientAsync(Personas.Claire);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync(Api(julesFerry), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.PostAsync($"{Api(julesFerry)}/reset", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_super_admin_opens_a_link_between_two_schools_which_both_see_and_only_she_closes()
    {
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var victorHugo = await app.StructureIdAsync(AdminData.VictorHugo);
        var ferryTeachers = await SchoolGroupAsync(app, AdminData.JulesFerry, Profile.Teacher);
        var hugoTeachers = await SchoolGroupAsync(app, AdminData.VictorHugo, Profile.Teacher);
        var claire = await app.PersonAsync(Personas.Claire);
        var paul = await app.PersonAsync(Personas.Paul);
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(claire, paul, Ct)));
        var (inFerry, inHugo) = (await AuditCountAsync(RulesEditor.LinkAdd, julesFerry), await AuditCountAsync(RulesEditor.LinkAdd, victorHugo));

        var admin = await app.SignedInClientAsync(Personas.Admin);
        var opened = await admin.PostAsJsonAsync($"{Api(julesFerry)}/links", new { fromGroupId = ferryTeachers, toGroupId = hugoTeachers }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, opened.StatusCode);
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(claire, paul, Ct)));
        Assert.Equal(inFerry + 1, await AuditCountAsync(RulesEditor.LinkAdd, julesFerry));
        Assert.Equal(inHugo + 1, await AuditCountAsync(RulesEditor.LinkAdd, victorHugo));

        // The director of Jules Ferry sees the link on her page, and cannot close it.
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        using (var rules = JsonDocument.Parse(await isabelle.GetStringAsync(Api(julesFerry), Ct)))
        {
            var cross = Assert.Single(rules.RootElement.GetProperty("crossLinks").EnumerateArray());
            Assert.Equal(AdminData.VictorHugo, cross.GetProperty("otherUai").GetString());
            Assert.True(cross.GetProperty("outgoing").GetBoolean());
        }

        var page = await isabelle.GetPageAsync($"/admin/structures/{julesFerry}/communication");
        Assert.Contains("Collège Victor Hugo", page.QuerySelector("#cross")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#cross form"));
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.DeleteAsync($"{Api(julesFerry)}/links/{ferryTeachers}/{hugoTeachers}", Ct)).StatusCode);

        // The SuperAdmin finds the other school's groups by UAI on the page.
        var adminPage = await admin.GetPageAsync($"/admin/structures/{julesFerry}/communication?uai=0751236c");
        Assert.Contains(adminPage.QuerySelectorAll("#cross-to option"), o => o.GetAttribute("value") == hugoTeachers.ToString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Api(victorHugo)}/links/{ferryTeachers}/{hugoTeachers}", Ct)).StatusCode);
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(claire, paul, Ct)));
    }

    [Fact]
    public async Task Reset_brings_back_the_defaults_and_keeps_links_with_other_schools()
    {
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var teachers = await app.GroupAsync("CE2 A", Profile.Teacher);
        var lea = await app.PersonAsync(Personas.Lea);
        var claire = await app.PersonAsync(Personas.Claire);
        var sophie = await app.PersonAsync(Personas.Sophie);
        var paul = await app.PersonAsync(Personas.Paul);
        var ferryTeachers = await SchoolGroupAsync(app, AdminData.JulesFerry, Profile.Teacher);
        var hugoTeachers = await SchoolGroupAsync(app, AdminData.VictorHugo, Profile.Teacher);

        var (directs, resets) = (await AuditCountAsync(RulesEditor.DirectUpdate, julesFerry), await AuditCountAsync(RulesEditor.Reset, julesFerry));
        var admin = await app.SignedInClientAsync(Personas.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"{Api(julesFerry)}/links", new { fromGroupId = ferryTeachers, toGroupId = hugoTeachers }, Ct)).StatusCode);
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.DeleteAsync($"{Api(julesFerry)}/links/{pupils}/{teachers}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PutAsJsonAsync($"{Api(julesFerry)}/direct", new { relativesReachChildren = false, childrenReachRelatives = true }, Ct)).StatusCode);
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(lea, claire, Ct)));
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(sophie, lea, Ct)));
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(lea, sophie, Ct)));
        Assert.Equal(directs + 1, await AuditCountAsync(RulesEditor.DirectUpdate, julesFerry));

        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PostAsync($"{Api(julesFerry)}/reset", null, Ct)).StatusCode);

        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(lea, claire, Ct)));
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(sophie, lea, Ct)));
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(lea, sophie, Ct)));
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(claire, paul, Ct)), "The SuperAdmin's link stays.");
        Assert.Equal(resets + 1, await AuditCountAsync(RulesEditor.Reset, julesFerry));
        using (var rules = JsonDocument.Parse(await isabelle.GetStringAsync(Api(julesFerry), Ct)))
        {
            Assert.True(rules.RootElement.GetProperty("direct").GetProperty("relativesReachChildren").GetBoolean());
            Assert.False(rules.RootElement.GetProperty("direct").GetProperty("childrenReachRelatives").GetBoolean());
        }

        // The other tests of the class share this city: the SuperAdmin closes her link again.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Api(julesFerry)}/links/{ferryTeachers}/{hugoTeachers}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_warning_before_opening_and_the_matrix_open_after_the_confirmation()
    {
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var ce2 = await app.ClassIdAsync("CE2 A", AdminData.JulesFerry);
        var parents = await app.GroupAsync("CE2 A", Profile.Relative);
        var (first, second, _) = await TwoCe2ParentsAsync();
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var path = $"/admin/structures/{julesFerry}/communication?classId={ce2}";

        var page = await isabelle.GetPageAsync(path);
        var cell = page.QuerySelectorAll("#class button[aria-pressed]").Single(b => b.TextContent.Contains("Parents de CE2 A s'écrivent entre eux", StringComparison.Ordinal));
        Assert.Equal("false", cell.GetAttribute("aria-pressed"));
        var fields = cell.Closest("form")!.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var action = cell.Closest("form")!.GetAttribute("action")!;

        var warning = await isabelle.PostFormAsync(action, fields.Where(f => f.Item1 != "__csrf"), path);
        Assert.Equal(HttpStatusCode.OK, warning.StatusCode);
        var confirmPage = await Html.ReadAsync(warning);
        Assert.Contains("Les parents de CE2 A pourront s'écrire entre eux", confirmPage.TextOf(".confirm-card [role=alert]"), StringComparison.Ordinal);
        Assert.False(await app.WithReachAsync(r => r.CanReachAsync(first, second, Ct)));

        var confirmForm = confirmPage.QuerySelector(".confirm-card form")!;
        var confirmFields = confirmForm.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        Assert.Contains(("confirm", "true"), confirmFields);
        var done = await isabelle.PostWithoutTokenAsync(confirmForm.GetAttribute("action")!, confirmFields);
        Assert.StartsWith($"/admin/structures/{julesFerry}/communication?classId={ce2}", done.RedirectTarget(), StringComparison.Ordinal);
        Assert.True(await app.WithReachAsync(r => r.CanReachAsync(first, second, Ct)));

        var after = await isabelle.GetPageAsync(done.RedirectTarget());
        var open = after.QuerySelectorAll("#class button[aria-pressed]").Single(b => b.TextContent.Contains("Parents de CE2 A s'écrivent entre eux", StringComparison.Ordinal));
        Assert.Equal("true", open.GetAttribute("aria-pressed"));
        Assert.Equal(MemberReach.All, await app.WithDbAsync(db => db.Groups.Where(g => g.Id == parents).Select(g => g.Members).SingleAsync(Ct)));

        // The other tests of the class share this city: closed again.
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PutAsJsonAsync($"/api/v1/admin/structures/{julesFerry}/communication/groups/{parents}/members", new { speak = true, reachable = true, @internal = false }, Ct)).StatusCode);
    }
}

public sealed class SqliteRulesEditorTests(SqliteApp app) : RulesEditorTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRulesEditorTests(PostgresApp app) : RulesEditorTests(app), IClassFixture<PostgresApp>;
