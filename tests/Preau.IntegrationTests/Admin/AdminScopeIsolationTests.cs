using System.Net;
using System.Net.Http.Json;
using Preau.Testing;

namespace Preau.IntegrationTests.Admin;

/// <summary>
/// The director of Jules Ferry (isabelle.moreau) cannot see or change anyone or anything of
/// Collège Victor Hugo: every page and every API operation answers 404, and nothing changes.
/// </summary>
public abstract class AdminScopeIsolationTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Personas.Hugo)]
    [InlineData(Personas.Paul)]
    public async Task A_local_admin_gets_not_found_for_every_operation_on_a_person_of_another_school(string login)
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var id = await app.UserIdAsync(login);
        var victorHugo = await app.StructureIdAsync(AdminData.VictorHugo);
        var fiveB = await app.ClassIdAsync("5e B", AdminData.VictorHugo);
        var lea = await app.UserIdAsync(Personas.Lea);
        var before = await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count()));

        var pages = new[] { $"/admin/users/{id}", $"/admin/users/{id}/edit", $"/admin/structures/{victorHugo}", $"/admin/classes/{fiveB}",
            $"/admin/users?structure={victorHugo}", $"/admin/audit?structure={victorHugo}", $"/admin/users/new?structure={victorHugo}" };
        foreach (var page in pages)
        {
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(page, Ct)).StatusCode, $"GET {page}");
        }

        var api = new List<(string Name, Func<Task<HttpResponseMessage>> Call)>
        {
            ("get", () => client.GetAsync($"/api/v1/admin/users/{id}", Ct)),
            ("sessions", () => client.GetAsync($"/api/v1/admin/users/{id}/sessions", Ct)),
            ("update", () => client.PutAsJsonAsync($"/api/v1/admin/users/{id}", new { firstName = "X", lastName = "Y" }, Ct)),
            ("move", () => client.PostAsJsonAsync($"/api/v1/admin/users/{id}/move", new { classId = fiveB }, Ct)),
            ("link", () => client.PostAsJsonAsync($"/api/v1/admin/users/{id}/children", new { childId = lea }, Ct)),
            ("unlink", () => client.DeleteAsync($"/api/v1/admin/users/{id}/children/{lea}", Ct)),
            ("block", () => client.PostAsync($"/api/v1/admin/users/{id}/block", null, Ct)),
            ("unblock", () => client.PostAsync($"/api/v1/admin/users/{id}/unblock", null, Ct)),
            ("grant", () => client.PostAsJsonAsync($"/api/v1/admin/users/{id}/functions", new { function = "ClassAdmin", classId = fiveB }, Ct)),
            ("revoke", () => client.DeleteAsync($"/api/v1/admin/users/{id}/functions/LocalAdmin?structureId={victorHugo}", Ct)),
            ("revoke-sessions", () => client.DeleteAsync($"/api/v1/admin/users/{id}/sessions", Ct)),
            ("revoke-session", () => client.DeleteAsync($"/api/v1/admin/users/{id}/sessions/{Guid.CreateVersion7()}", Ct)),
            ("structure", () => client.GetAsync($"/api/v1/admin/structures/{victorHugo}", Ct)),
            ("class", () => client.GetAsync($"/api/v1/admin/classes/{fiveB}", Ct)),
            ("create-user", () => client.PostAsJsonAsync("/api/v1/admin/users", new { structureId = victorHugo, profile = "Student", firstName = "A", lastName = "B" }, Ct)),
            ("create-class", () => client.PostAsJsonAsync($"/api/v1/admin/structures/{victorHugo}/classes", new { name = "6e Z", level = "Sixieme" }, Ct)),
            ("update-class", () => client.PutAsJsonAsync($"/api/v1/admin/classes/{fiveB}", new { name = "5e Z", level = "Cinquieme" }, Ct)),
            ("create-group", () => client.PostAsJsonAsync($"/api/v1/admin/structures/{victorHugo}/groups", new { name = "Chorale" }, Ct)),
            ("block-profile", () => client.PutAsync($"/api/v1/admin/structures/{victorHugo}/blocked-profiles/Relative", null, Ct)),
            ("unblock-profile", () => client.DeleteAsync($"/api/v1/admin/structures/{victorHugo}/blocked-profiles/Relative", Ct)),
            ("list-in-school", () => client.GetAsync($"/api/v1/admin/users?structureId={victorHugo}", Ct)),
            ("list-in-class", () => client.GetAsync($"/api/v1/admin/users?classId={fiveB}&q={login}", Ct)),
            ("audit", () => client.GetAsync($"/api/v1/admin/audit?structureId={victorHugo}", Ct)),
        };
        foreach (var (name, call) in api)
        {
            var response = await call();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name} answered {(int)response.StatusCode}");
        }

        // Not even found by a search over everything the director holds.
        var search = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/admin/users?q={login}", Ct);
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Count())));
        Assert.Equal(Platform.Directory.Domain.AccountState.Active, (await app.UserAsync(login)).State);
    }

    [Fact]
    public async Task A_local_admin_cannot_reach_a_group_or_the_audit_of_another_school()
    {
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var victorHugo = await app.StructureIdAsync(AdminData.VictorHugo);
        var created = await admin.PostAsJsonAsync($"/api/v1/admin/structures/{victorHugo}/groups", new { name = "Club théâtre" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var groupId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetGuid();
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var lea = await app.UserIdAsync(Personas.Lea);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/groups/{groupId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/admin/groups/{groupId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/admin/groups/{groupId}", new { name = "X" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync($"/api/v1/admin/groups/{groupId}/members/{lea}", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/admin/groups/{groupId}", Ct)).StatusCode);

        // The super admin's change in Victor Hugo is not in the director's trail.
        var trail = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/admin/audit?action=group.create", Ct);
        Assert.DoesNotContain(trail.GetProperty("entries").EnumerateArray(), e => e.GetProperty("details").GetString() == "Club théâtre");
        var all = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/admin/audit?action=group.create", Ct);
        Assert.Contains(all.GetProperty("entries").EnumerateArray(), e => e.GetProperty("details").GetString() == "Club théâtre");
    }

    [Fact]
    public async Task A_parent_in_two_schools_shows_only_the_directors_school()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var sophie = await app.UserIdAsync(Personas.Sophie);

        var detail = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/admin/users/{sophie}", Ct);

        Assert.Equal(["0751235B"], detail.GetProperty("structures").EnumerateArray().Select(s => s.GetProperty("uai").GetString()));
        Assert.Equal(["CE2 A"], detail.GetProperty("classes").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["lea.dubois"], detail.GetProperty("children").EnumerateArray().Select(s => s.GetProperty("login").GetString()));
        var page = await client.GetStringAsync($"/admin/users/{sophie}", Ct);
        Assert.DoesNotContain("hugo.dubois", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Victor Hugo", page, StringComparison.Ordinal);
    }
}

public sealed class SqliteAdminScopeIsolationTests(SqliteApp app) : AdminScopeIsolationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAdminScopeIsolationTests(PostgresApp app) : AdminScopeIsolationTests(app), IClassFixture<PostgresApp>;
