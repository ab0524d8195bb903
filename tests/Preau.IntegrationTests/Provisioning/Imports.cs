using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Testing;

namespace Preau.IntegrationTests.Provisioning;

/// <summary>Files and API calls the import tests share: a school of their own, a file, upload, preview, apply.</summary>
internal static class Imports
{
    public const string PupilsHeader =
        "Nom;Prénom;Date de naissance;Classe;Niveau;Identifiant;Nom responsable 1;Prénom responsable 1;Courriel responsable 1;Téléphone responsable 1;Nom responsable 2;Prénom responsable 2;Courriel responsable 2;Téléphone responsable 2";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>A new school of its own for one test, so that tests sharing an application do not see each other's imports.</summary>
    public static async Task<(Guid Id, string Uai)> NewSchoolAsync(this PreauApp app, StructureType type = StructureType.Elementaire)
    {
        var uai = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Random.Shared.Next(1_000_000, 9_999_999)}T");
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<DirectoryWriter>();
        var structure = writer.CreateStructure("École du test " + uai, uai, type);
        await scope.ServiceProvider.GetRequiredService<PreauDbContext>().SaveChangesAsync(Ct);
        return (structure.Id, uai);
    }

    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, Guid structureId, string kind, byte[] content, string fileName = "eleves.csv")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        return await client.PostAsync($"/api/v1/admin/structures/{structureId}/imports", form, Ct);
    }

    public static async Task<Guid> UploadAsync(this HttpClient client, Guid structureId, string kind, byte[] content, string fileName = "eleves.csv")
    {
        var response = await client.PostFileAsync(structureId, kind, content, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("importId").GetGuid();
    }

    public static async Task<JsonElement> PreviewAsync(this HttpClient client, Guid structureId, Guid importId) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/structures/{structureId}/imports/{importId}/preview", Ct);

    /// <summary>Confirms the import and waits for the background worker to finish it.</summary>
    public static async Task<JsonElement> ApplyAsync(this HttpClient client, Guid structureId, Guid importId)
    {
        var started = await client.PostAsync($"/api/v1/admin/structures/{structureId}/imports/{importId}/apply", null, Ct);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"Apply answered {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync(Ct)}");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/admin/structures/{structureId}/imports/{importId}/status", Ct);
            var state = status.GetProperty("state").GetString();
            if (state is "Done" or "Failed")
            {
                Assert.Equal("Done", state);
                return status;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "The import did not finish in two minutes.");
            await Task.Delay(50, Ct);
        }
    }

    public static async Task<JsonElement> ImportAsync(this HttpClient client, Guid structureId, string kind, byte[] content) =>
        await client.ApplyAsync(structureId, await client.UploadAsync(structureId, kind, content));

    public static int Count(this JsonElement preview, string name) => preview.GetProperty("counts").GetProperty(name).GetInt32();

    public static List<(int Line, string Reason)> Rejected(this JsonElement preview) =>
        [.. preview.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString()!))];

    public static Task<List<User>> PeopleOfAsync(this PreauApp app, Guid structureId, Profile profile) =>
        app.WithDbAsync(db => db.Users.AsNoTracking()
            .Where(u => u.Profile == profile && db.GroupMembers.Any(m => m.UserId == u.Id
                && db.Groups.Any(g => g.Id == m.GroupId && g.StructureId == structureId && g.ClassId == null && g.Kind == GroupKind.Profile)))
            .OrderBy(u => u.LastName).ToListAsync(Ct));

    /// <summary>The names of the current classes whose profile group holds the person.</summary>
    public static Task<List<string>> ClassesOfAsync(this PreauApp app, Guid userId) =>
        app.WithDbAsync(db => db.GroupMembers.Where(m => m.UserId == userId)
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile && g.ClassId != null), m => m.GroupId, g => g.Id, (m, g) => g.ClassId)
            .Join(db.Classes.Where(c => c.ArchivedAt == null), id => id, c => c.Id, (id, c) => c.Name)
            .OrderBy(n => n).ToListAsync(Ct));

    /// <summary>The person of that name in the school (or detached from it): tests sharing an application reuse names.</summary>
    public static Task<User> PersonAsync(this PreauApp app, Guid school, string lastName, string firstName) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.LastName == lastName && u.FirstName == firstName
            && (db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId && g.StructureId == school))
                || db.Set<Preau.Provisioning.Domain.Detachment>().Any(d => d.UserId == u.Id && d.StructureId == school)), Ct));
}
