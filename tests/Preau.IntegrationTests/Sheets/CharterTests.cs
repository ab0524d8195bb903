using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.IntegrationTests.Activation;
using Preau.Testing;

namespace Preau.IntegrationTests.Sheets;

/// <summary>A school's charter: edited by its LocalAdmin, rendered as text, shown at activation.</summary>
public abstract class CharterTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_local_admin_edits_her_school_s_charter_which_renders_as_text()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var path = $"/admin/structures/{await Accounts.StructureIdAsync(app, "0751235B")}/charter";

        var before = await isabelle.GetPageAsync(path);
        Assert.Contains("Préau est l’espace numérique de travail", before.QuerySelector("textarea")!.TextContent, StringComparison.Ordinal);

        var saved = await isabelle.PostFormAsync(path, [("Text", "Règle 1 : <b>être poli</b>.\r\n\r\nRègle 2.")], path);
        Assert.Equal(path + "?saved=true", saved.RedirectTarget());
        var after = await isabelle.GetPageAsync(path);
        var preview = after.QuerySelector(".charter-preview")!;
        Assert.Equal(2, preview.QuerySelectorAll("p").Length);
        Assert.Empty(preview.QuerySelectorAll("b"));
        Assert.Contains("<b>être poli</b>", preview.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await Accounts.AuditCountAsync(app, "charter.update"));

        var api = await isabelle.GetFromJsonAsync<JsonElement>($"/api/v1/admin{path["/admin".Length..]}", Ct);
        Assert.False(api.GetProperty("isDefault").GetBoolean());

        var reset = await isabelle.PutAsJsonAsync($"/api/v1/admin{path["/admin".Length..]}", new { text = (string?)null }, Ct);
        Assert.True((await reset.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("isDefault").GetBoolean());
    }

    [Fact]
    public async Task Only_the_school_s_admins_see_its_charter()
    {
        var victorHugo = $"/admin/structures/{await Accounts.StructureIdAsync(app, "0751236C")}/charter";
        var julesFerry = $"/admin/structures/{await Accounts.StructureIdAsync(app, "0751235B")}/charter";

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(Personas.Isabelle)).GetAsync(victorHugo, Ct)).StatusCode);
        var claire = await app.SignedInClientAsync(Personas.Claire);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync(julesFerry, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.PutAsJsonAsync("/api/v1" + julesFerry, new { text = "Nope" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(Personas.Admin)).GetAsync(victorHugo, Ct)).StatusCode);
    }
}

public sealed class SqliteCharterTests(SqliteApp app) : CharterTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCharterTests(PostgresApp app) : CharterTests(app), IClassFixture<PostgresApp>;
