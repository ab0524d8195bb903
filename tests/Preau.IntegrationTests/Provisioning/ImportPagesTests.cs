using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Provisioning;

/// <summary>
/// The director's path through the pages, with the browser test's file: a new CM1 B class with its
/// parents, into Jules Ferry. An application of its own: it changes the demo school.
/// </summary>
public abstract class ImportPagesTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The browser test's file, found from the build output up to the repository's root.</summary>
    public static string SampleFile
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Preau.slnx")))
            {
                folder = folder.Parent;
            }

            return Path.Combine(folder?.FullName ?? ".", "tests", "Preau.BrowserTests", "Data", "cm1-with-parents.csv");
        }
    }

    [Fact]
    public async Task Isabelle_imports_a_new_cm1_class_with_its_parents_through_the_pages()
    {
        var julesFerry = (await app.StructureAsync("École élémentaire Jules Ferry")).Id;
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var lea = await app.UserAsync(Personas.Lea);

        // 1. Upload.
        var token = await PreauApp.AntiforgeryTokenAsync(isabelle, $"/admin/structures/{julesFerry}/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" },
            { new StringContent("Pupils"), "Kind" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(SampleFile, Ct)), "Upload", "cm1-with-parents.csv" },
        };
        var uploaded = await isabelle.PostAsync($"/admin/structures/{julesFerry}/import", form, Ct);
        var mappingUrl = uploaded.RedirectTarget();
        Assert.EndsWith("/mapping", mappingUrl, StringComparison.Ordinal);

        // 2. The mapping step suggests every column from its French header; she keeps it.
        var mapping = await isabelle.GetPageAsync(mappingUrl);
        var selects = mapping.QuerySelectorAll("select").Cast<IHtmlSelectElement>().ToList();
        Assert.Equal("ExternalId", selects.Single(s => s.Id == "column-6").Value);
        Assert.Equal("Relative2Phone", selects.Single(s => s.Id == "column-14").Value);
        var mapped = await isabelle.PostFormAsync(mappingUrl, selects.Select(s => (s.Name!, s.Value ?? "")), mappingUrl);
        var previewUrl = mapped.RedirectTarget();

        // 3. The preview: 25 pupils and 42 parents, one new class; the rest of the school is not in this file.
        var preview = await isabelle.GetPageAsync(previewUrl);
        Assert.Equal("67", preview.TextOf("[data-count=created]"));
        Assert.Equal("1", preview.TextOf("[data-count=classes]"));
        Assert.Equal("0", preview.TextOf("[data-count=rejected]"));
        var detach = preview.QuerySelector("input[name=detachAbsent]") as IHtmlInputElement;
        Assert.NotNull(detach);
        Assert.False(detach.IsChecked); // a file of one class: by default nobody is detached

        // 4. Confirm: the progress page, then the result.
        var confirmed = await isabelle.PostFormAsync(previewUrl, [], previewUrl);
        var progressUrl = confirmed.RedirectTarget();
        Assert.EndsWith("/progress", progressUrl, StringComparison.Ordinal);
        var importId = Guid.Parse(progressUrl.Split('/')[^2]);
        var status = await WaitAsync(isabelle, julesFerry, importId);
        Assert.Equal(67, status.GetProperty("created").GetInt32());
        Assert.Equal(0, status.GetProperty("detached").GetInt32());

        var result = await isabelle.GetPageAsync($"/admin/structures/{julesFerry}/import/{importId}/result");
        var cm1b = await app.WithDbAsync(db => db.Classes.SingleAsync(c => c.StructureId == julesFerry && c.Name == "CM1 B", Ct));
        Assert.Equal(ClassLevel.CM1, cm1b.Level);
        Assert.Contains(result.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/admin/sheets?structure={julesFerry}&class={cm1b.Id}");
        Assert.Equal("67", result.TextOf("[data-count=created]"));

        // The class holds its 25 pupils, their parents follow them; Léa is untouched.
        var pupils = await app.WithDbAsync(db => db.GroupMembers.CountAsync(m => db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == cm1b.Id && g.Profile == Profile.Student), Ct));
        var parents = await app.WithDbAsync(db => db.GroupMembers.CountAsync(m => db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == cm1b.Id && g.Profile == Profile.Relative), Ct));
        Assert.Equal(25, pupils);
        Assert.Equal(42, parents);
        Assert.Null((await app.UserAsync(Personas.Lea)).DetachedAt);
        Assert.Equal(["CE2 A"], await app.ClassesOfAsync(lea.Id));
        var nathalie = await app.UserAsync("nathalie.lemaire");
        Assert.Equal(AccountState.PendingActivation, nathalie.State);
        Assert.NotNull(nathalie.ActivationCodeHash);
        Assert.Equal("nathalie.lemaire@example.org", nathalie.Email);

        // The history lists it.
        var history = await isabelle.GetPageAsync($"/admin/structures/{julesFerry}/import");
        Assert.Contains("cm1-with-parents.csv", history.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await isabelle.GetAsync("/_content/Preau.Provisioning/js/import-progress.js", Ct)).StatusCode);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, Guid structureId, Guid importId)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/structures/{structureId}/imports/{importId}/status", Ct);
            if (status.GetProperty("state").GetString() is "Done" or "Failed")
            {
                Assert.Equal("Done", status.GetProperty("state").GetString());
                return status;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "The import did not finish in two minutes.");
            await Task.Delay(50, Ct);
        }
    }
}

public sealed class SqliteImportPagesTests(SqliteApp app) : ImportPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresImportPagesTests(PostgresApp app) : ImportPagesTests(app), IClassFixture<PostgresApp>;
