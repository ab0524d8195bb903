using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.Testing;

namespace Preau.IntegrationTests.Provisioning;

/// <summary>Reading files and the preview: what would change and which lines are rejected, before anything is written.</summary>
public abstract class ImportPreviewTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_preview_lists_creations_new_classes_and_each_rejected_line_with_its_reason_and_writes_nothing()
    {
        var (school, _) = await app.NewSchoolAsync();
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var users = await app.WithDbAsync(db => db.Users.CountAsync(Ct));
        var file = Imports.Csv(
            Imports.PupilsHeader,
            "Martin;Léa;14/03/2017;CM1 B;CM1;E1;Martin;Anne;anne.martin@example.org;0600000001;;;;",   // 2
            "Bernard;Tom;2017-05-02;CM1 B;;E2;;;;;;;;",                                              // 3
            ";Sans nom;01/01/2017;CM1 B;;E3;;;;;;;;",                                                // 4 missing name
            "Petit;Zoé;31/02/2017;CM1 B;;E4;;;;;;;;",                                                // 5 bad date
            "Martin;Léa;14/03/2017;CM1 B;;E1;;;;;;;;",                                               // 6 duplicate of 2
            "Durand;Max;01/01/2017;Atelier;;E5;;;;;;;;",                                             // 7 unknown class (no level)
            "Leroy;Eva;01/01/2013;6e A;;E6;;;;;;;;",                                                 // 8 unsuitable class
            "Roux;Noé;01/01/2017;CM1 B",                                                              // 9 wrong column count
            "Long;" + new string('x', 10_000) + ";01/01/2017;CM1 B;;E7;;;;;;;;",                     // 10 line too long
            "Moreau;Lou;01/01/2016;CM2 A;CM2;E8;;;;;;;;");                                           // 11

        var importId = await admin.UploadAsync(school, "Pupils", file);
        var preview = await admin.PreviewAsync(school, importId);

        Assert.Equal(4, preview.Count("created")); // three pupils and Léa's mother
        Assert.Equal(2, preview.Count("classesCreated"));
        Assert.Equal(
            [(4, "MissingName"), (5, "BadDate"), (6, "DuplicateInFile"), (7, "UnknownClass"), (8, "UnsuitableClass"), (9, "WrongColumnCount"), (10, "LineTooLong")],
            preview.Rejected());
        Assert.Equal(["CM1 B", "CM2 A"], preview.GetProperty("newClasses").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("CM1", preview.GetProperty("newClasses").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "CM1 B").GetProperty("level").GetString());
        Assert.Equal(users, await app.WithDbAsync(db => db.Users.CountAsync(Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Classes.CountAsync(c => c.StructureId == school, Ct)));

        // The page says it in words, counts first.
        var page = await admin.GetPageAsync($"/admin/structures/{school}/import/{importId}");
        Assert.Contains("Nom ou prénom manquant", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Date illisible", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("4", page.TextOf("[data-count=created]"));
    }

    [Fact]
    public async Task French_headers_are_mapped_and_a_missing_required_column_is_named()
    {
        var (school, _) = await app.NewSchoolAsync();
        var admin = await app.SignedInClientAsync(Personas.Admin);

        var importId = await admin.UploadAsync(school, "Pupils", Imports.Csv("NOM;Prénom;Classe;Sexe", "Martin;Léa;CM1 B;F"));
        var file = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/structures/{school}/imports/{importId}", Ct);

        Assert.Equal(["LastName", "FirstName", "ClassName", "Sex"], file.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("field").GetString()));
        Assert.Equal(["BirthDate"], file.GetProperty("missingFields").EnumerateArray().Select(f => f.GetString()));
        var apply = await admin.PostAsync($"/api/v1/admin/structures/{school}/imports/{importId}/apply", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, apply.StatusCode);
        Assert.Contains("BirthDate", await apply.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The admin maps another column by hand: the file has the dates under an unusual header.
        var other = await admin.UploadAsync(school, "Pupils", Imports.Csv("NOM;Prénom;Classe;Anniversaire", "Martin;Léa;CM1 B;14/03/2017"));
        var saved = await admin.PutAsJsonAsync($"/api/v1/admin/structures/{school}/imports/{other}/mapping",
            new { columns = new Dictionary<string, int?> { ["LastName"] = 0, ["FirstName"] = 1, ["ClassName"] = 2, ["BirthDate"] = 3 } }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, (await admin.PreviewAsync(school, other)).Count("created"));
    }

    [Theory]
    [InlineData("empty", "Empty")]
    [InlineData("header-only", "NoDataLines")]
    [InlineData("garbage", "Binary")]
    [InlineData("one-column", "TooFewColumns")]
    [InlineData("one-long-line", "HeaderTooLong")]
    public async Task A_malformed_file_gets_a_clear_problem_not_a_crash(string kind, string problem)
    {
        var (school, _) = await app.NewSchoolAsync();
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var random = new Random(42);
        var content = kind switch
        {
            "empty" => [],
            "header-only" => Imports.Csv(Imports.PupilsHeader),
            "garbage" => Enumerable.Range(0, 10 * 1024 * 1024 - 1).Select(_ => (byte)random.Next(256)).ToArray(),
            "one-column" => Imports.Csv("Nom", "Martin"),
            _ => Encoding.UTF8.GetBytes(new string('a', 100_000)),
        };

        var response = await admin.PostFileAsync(school, "Pupils", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(problem, body.GetProperty("problem").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task A_file_over_ten_megabytes_is_refused_in_words_and_the_upload_page_explains_a_bad_file()
    {
        var (school, _) = await app.NewSchoolAsync();
        var admin = await app.SignedInClientAsync(Personas.Admin);

        var response = await admin.PostFileAsync(school, "Pupils", new byte[10 * 1024 * 1024 + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        // The page: a binary file comes back to the form with a message, not an error page.
        var token = await PreauApp.AntiforgeryTokenAsync(admin, $"/admin/structures/{school}/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" },
            { new StringContent("Pupils"), "Kind" },
            { new ByteArrayContent([0, 1, 2, 3, 0, 0, 255, 254, 0]), "Upload", "photo.jpg" },
        };
        var page = await admin.PostAsync($"/admin/structures/{school}/import", form, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = await Html.ReadAsync(page);
        Assert.Contains("n'est pas un fichier texte", html.TextOf(".alert.error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_windows_1252_file_with_commas_is_read_with_its_accents()
    {
        var (school, _) = await app.NewSchoolAsync();
        var admin = await app.SignedInClientAsync(Personas.Admin);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = Encoding.GetEncoding(1252).GetBytes("Nom,Prénom,Date de naissance,Classe\r\nLefèvre,Éloïse,03/04/2017,CE1 Ç\r\nGarçon,Bérénice,2017-08-09,CE1 Ç\r\n");

        var importId = await admin.UploadAsync(school, "Pupils", file);
        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/structures/{school}/imports/{importId}", Ct);
        Assert.Equal("Windows-1252", view.GetProperty("encoding").GetString());
        Assert.Equal(",", view.GetProperty("delimiter").GetString());
        var preview = await admin.PreviewAsync(school, importId);
        Assert.Equal(["Bérénice Garçon", "Éloïse Lefèvre"], preview.GetProperty("created").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));

        await admin.ApplyAsync(school, importId);
        var eloise = await app.PersonAsync(school, "Lefèvre", "Éloïse");
        Assert.Equal(new DateOnly(2017, 4, 3), eloise.BirthDate);
        Assert.Equal("eloise.lefevre", eloise.Login);
        Assert.Equal(["CE1 Ç"], await app.ClassesOfAsync(eloise.Id));
    }

    [Fact]
    public async Task Formula_names_are_stored_as_text_and_neutralised_in_the_rejected_lines_report()
    {
        var (school, _) = await app.NewSchoolAsync();
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var file = Imports.Csv(
            "Nom;Prénom;Date de naissance;Classe",
            "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"clic\"\")\";Léo;01/02/2017;CP A",
            "@SUM(A1);+33;pas une date;CP A",
            "-2+3;\tTab;32/13/2017;CP A");

        var importId = await admin.UploadAsync(school, "Pupils", file);
        var preview = await admin.PreviewAsync(school, importId);
        Assert.Equal("Léo =HYPERLINK(\"http://evil.example\",\"clic\")", preview.GetProperty("created")[0].GetProperty("name").GetString());

        var report = await admin.GetAsync($"/api/v1/admin/structures/{school}/imports/{importId}/rejected.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var lines = Encoding.UTF8.GetString(await report.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var cells = lines.Skip(1).SelectMany(l => l.Split(';')).ToList();
        Assert.Contains("'@SUM(A1)", cells);
        Assert.Contains("'+33", cells);
        Assert.Contains("'-2+3", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t');

        await admin.ApplyAsync(school, importId);
        var stored = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.FirstName == "Léo" && u.LastName.StartsWith("=HYPERLINK"), Ct));
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"clic\")", stored.LastName);

        // On the page it is text, not a link.
        var page = await admin.GetPageAsync($"/admin/structures/{school}/detached");
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("evil", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_admin_of_another_school_gets_not_found_on_every_page_and_endpoint()
    {
        var victorHugo = (await app.StructureAsync("Collège Victor Hugo")).Id;
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var importId = await admin.UploadAsync(victorHugo, "Pupils", Imports.Csv("Nom;Prénom;Date de naissance;Classe", "Neuf;Élève;01/01/2013;6e Z"));
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);

        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostFileAsync(victorHugo, "Pupils", Imports.Csv("Nom;Prénom;Date de naissance;Classe", "Neuf;Élève;01/01/2013;6e Z"))).StatusCode);
        foreach (var path in new[]
        {
            $"/api/v1/admin/structures/{victorHugo}/imports", $"/api/v1/admin/structures/{victorHugo}/imports/{importId}/preview",
            $"/api/v1/admin/structures/{victorHugo}/imports/{importId}/status", $"/api/v1/admin/structures/{victorHugo}/imports/{importId}/rejected.csv",
            $"/api/v1/admin/structures/{victorHugo}/detached", $"/api/v1/admin/structures/{victorHugo}/rollover",
            $"/admin/structures/{victorHugo}/import", $"/admin/structures/{victorHugo}/import/{importId}", $"/admin/structures/{victorHugo}/import/{importId}/mapping",
            $"/admin/structures/{victorHugo}/import/{importId}/progress", $"/admin/structures/{victorHugo}/import/{importId}/result",
            $"/admin/structures/{victorHugo}/detached", $"/admin/structures/{victorHugo}/rollover",
        })
        {
            Assert.True((await isabelle.GetAsync(path, Ct)).StatusCode == HttpStatusCode.NotFound, path);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsync($"/api/v1/admin/structures/{victorHugo}/imports/{importId}/apply", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsync($"/api/v1/admin/structures/{victorHugo}/rollover", null, Ct)).StatusCode);
        Assert.Equal("Uploaded", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/structures/{victorHugo}/imports/{importId}/status", Ct)).GetProperty("state").GetString());

        // Her own school answers; a pupil or a teacher gets nothing, even there.
        var julesFerry = (await app.StructureAsync("École élémentaire Jules Ferry")).Id;
        Assert.Equal(HttpStatusCode.OK, (await isabelle.GetAsync($"/admin/structures/{julesFerry}/import", Ct)).StatusCode);
        foreach (var login in new[] { Personas.Claire, Personas.Lea })
        {
            var client = await app.SignedInClientAsync(login);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/structures/{julesFerry}/import", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/admin/structures/{julesFerry}/imports", Ct)).StatusCode);
        }
    }
}

public sealed class SqliteImportPreviewTests(SqliteApp app) : ImportPreviewTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresImportPreviewTests(PostgresApp app) : ImportPreviewTests(app), IClassFixture<PostgresApp>;
