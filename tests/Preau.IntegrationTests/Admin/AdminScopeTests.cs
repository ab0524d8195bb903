using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Persistence;
using Preau.Testing;

namespace Preau.IntegrationTests.Admin;

/// <summary>Who sees which school and class in the administration: everyone else gets a 404.</summary>
public abstract class AdminScopeTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> ClassIdAsync(string name, string uai)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        return await db.Classes.Where(c => c.Name == name)
            .Join(db.Structures.Where(s => s.Uai == uai), c => c.StructureId, s => s.Id, (c, s) => c.Id)
            .SingleAsync(Ct);
    }

    [Fact]
    public async Task A_local_admin_sees_her_school_and_its_classes_only()
    {
        var client = await app.SignedInClientAsync(Personas.Isabelle);

        var overview = await client.GetStringAsync("/admin", Ct);
        Assert.Contains("École élémentaire Jules Ferry", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("Collège Victor Hugo", overview, StringComparison.Ordinal);

        var ce2 = await client.GetAsync($"/admin/classes/{await ClassIdAsync("CE2 A", "0751235B")}", Ct);
        Assert.Equal(HttpStatusCode.OK, ce2.StatusCode);
        Assert.Contains("lea.dubois", await ce2.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var otherSchool = await client.GetAsync($"/admin/classes/{await ClassIdAsync("5e B", "0751236C")}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, otherSchool.StatusCode);
        var apiOtherSchool = await client.GetAsync($"/api/v1/admin/classes/{await ClassIdAsync("5e B", "0751236C")}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, apiOtherSchool.StatusCode);
    }

    [Fact]
    public async Task A_class_admin_sees_her_class_with_its_parents_and_no_other()
    {
        var client = await app.SignedInClientAsync(Personas.Claire);

        // "Ma classe" shows the class itself (with a new code per pupil and the class's sheets).
        var page = await client.GetStringAsync("/admin/my-class", Ct);
        Assert.Contains("lea.dubois", page, StringComparison.Ordinal);
        Assert.Contains("sophie.dubois", page, StringComparison.Ordinal);

        var cm1 = await client.GetAsync($"/admin/classes/{await ClassIdAsync("CM1 A", "0751235B")}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, cm1.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_super_admin_sees_every_school()
    {
        var client = await app.SignedInClientAsync(Personas.Admin);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/admin/structures", Ct));
        var names = json.RootElement.GetProperty("structures").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();

        Assert.Equal(3, json.RootElement.GetProperty("totalStructures").GetInt32());
        Assert.Contains("Collège Victor Hugo", names);
        Assert.Contains("École maternelle Les Coquelicots", names);
        var julesFerry = json.RootElement.GetProperty("structures").EnumerateArray().Single(s => s.GetProperty("uai").GetString() == "0751235B");
        Assert.Equal(5, julesFerry.GetProperty("classes").GetArrayLength());
    }

    [Theory]
    [InlineData(Personas.Lea)]
    [InlineData(Personas.Sophie)]
    [InlineData(Personas.Paul)]
    public async Task People_without_an_admin_function_get_not_found(string login)
    {
        var client = await app.SignedInClientAsync(login);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/my-class", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/classes/{await ClassIdAsync("CE2 A", "0751235B")}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/admin/structures", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_launcher_offers_administration_to_admins_and_my_class_to_class_admins()
    {
        static async Task<List<string>> AppsAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct)).GetProperty("apps").EnumerateArray()
                .Select(a => a.GetProperty("id").GetString()!).ToList();

        Assert.Contains("admin", await AppsAsync(await app.SignedInClientAsync(Personas.Isabelle)));
        Assert.Contains("admin", await AppsAsync(await app.SignedInClientAsync(Personas.Admin)));
        var claire = await AppsAsync(await app.SignedInClientAsync(Personas.Claire));
        Assert.Contains("my-class", claire);
        Assert.DoesNotContain("admin", claire);
        var lea = await AppsAsync(await app.SignedInClientAsync(Personas.Lea));
        Assert.DoesNotContain("admin", lea);
        Assert.DoesNotContain("my-class", lea);
    }
}

public sealed class SqliteAdminScopeTests(SqliteApp app) : AdminScopeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAdminScopeTests(PostgresApp app) : AdminScopeTests(app), IClassFixture<PostgresApp>;
