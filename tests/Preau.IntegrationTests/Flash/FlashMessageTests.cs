using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.IntegrationTests.Admin;
using Preau.Platform.Flash;
using Preau.Testing;

namespace Preau.IntegrationTests.Flash;

/// <summary>
/// Flash messages reach exactly their target: the chosen profiles of the chosen schools (or of
/// every school), between start and end, until each person dismisses them; a LocalAdmin posts
/// to her own school only and never sees or changes another's messages; every change is audited.
/// </summary>
public abstract class FlashMessageTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Message(string title, string[] profiles, Guid[]? structures = null, bool all = false, DateTimeOffset? starts = null, DateTimeOffset? ends = null,
        string level = "Information", string? titleEn = null, string? textEn = null) => new
    {
        titleFr = title,
        textFr = "Texte de " + title,
        titleEn,
        textEn,
        level,
        startsAt = starts,
        endsAt = ends,
        profiles,
        allStructures = all,
        structureIds = structures ?? [],
    };

    private static async Task<Guid> PostAsync(HttpClient client, object message)
    {
        var response = await client.PostAsJsonAsync("/api/v1/admin/flash-messages", message, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Each test starts without any message (the tests of a class share one application and its clock).</summary>
    private async Task ClearAsync()
    {
        await app.WithDbAsync(db => db.Set<FlashMessage>().ExecuteDeleteAsync(Ct));
        app.Services.GetRequiredService<FlashCache>().Forget();
    }

    private Task<int> AuditCountAsync(string action, string title) =>
        app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action && a.Details!.Contains(title), Ct));

    /// <summary>The titles of the caller's current flash messages, through the API.</summary>
    private static async Task<List<string>> MineAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/flash-messages", Ct));
        return [.. json.RootElement.EnumerateArray().Select(m => m.GetProperty("title").GetString()!)];
    }

    [Fact]
    public async Task Flash_messages_reach_exactly_their_target()
    {
        await ClearAsync();
        var now = app.Clock.GetUtcNow();
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var people = new Dictionary<string, HttpClient>();
        foreach (var login in new[] { Personas.Claire, Personas.Lea, Personas.Sophie, Personas.Karim, Personas.Paul, Personas.Hugo, Personas.Marc, Personas.Nina })
        {
            people[login] = await app.SignedInClientAsync(login);
        }

        // Teachers and parents of Jules Ferry, tomorrow morning; every pupil of every school, now.
        await PostAsync(admin, Message("Grève jeudi", ["Teacher", "Relative"], [julesFerry], starts: now.AddMinutes(30), ends: now.AddMinutes(90), level: "Important"));
        await PostAsync(admin, Message("Photo de classe", ["Student"], all: true, ends: now.AddMinutes(20), titleEn: "Class photo", textEn: "Smile"));

        var seen = await SeenAsync(people);
        Assert.Equal(["Photo de classe"], seen[Personas.Lea]);
        Assert.Equal(["Photo de classe"], seen[Personas.Hugo]);
        Assert.Equal(["Photo de classe"], seen[Personas.Nina]);
        Assert.All([Personas.Claire, Personas.Sophie, Personas.Karim, Personas.Paul, Personas.Marc], login => Assert.Empty(seen[login]));

        // Past its end, the pupils' message is gone; at its start, the strike reaches exactly the teachers and parents of the school.
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        seen = await SeenAsync(people);
        Assert.Equal(["Grève jeudi"], seen[Personas.Claire]);
        Assert.Equal(["Grève jeudi"], seen[Personas.Sophie]);
        Assert.All([Personas.Lea, Personas.Karim, Personas.Paul, Personas.Hugo, Personas.Marc, Personas.Nina], login => Assert.Empty(seen[login]));

        // Every page shows the banner, with its close form; closing it is for good, and for her only.
        var home = await people[Personas.Claire].GetStringAsync("/", Ct);
        Assert.Contains("Grève jeudi", home, StringComparison.Ordinal);
        Assert.Contains("class=\"flash flash-important\" role=\"status\"", home, StringComparison.Ordinal);
        var id = await IdAsync(people[Personas.Claire]);
        var dismissed = await people[Personas.Claire].PostFormAsync($"/flash-messages/{id}/dismiss", [("returnUrl", "/annuaire")]);
        Assert.Equal("/annuaire", dismissed.RedirectTarget());
        Assert.DoesNotContain("Grève jeudi", await people[Personas.Claire].GetStringAsync("/", Ct), StringComparison.Ordinal);
        Assert.Empty(await MineAsync(people[Personas.Claire]));
        Assert.Equal(["Grève jeudi"], await MineAsync(people[Personas.Sophie]));
        Assert.Equal(HttpStatusCode.NoContent, (await people[Personas.Sophie].PostAsync($"/api/v1/flash-messages/{id}/dismiss", null, Ct)).StatusCode);
        Assert.Empty(await MineAsync(people[Personas.Sophie]));

        // Someone it was not for cannot dismiss it (404), and it does not show after its end.
        Assert.Equal(HttpStatusCode.NotFound, (await people[Personas.Paul].PostAsync($"/api/v1/flash-messages/{id}/dismiss", null, Ct)).StatusCode);
        await PostAsync(admin, Message("Portes ouvertes", ["Relative"], [julesFerry], ends: app.Clock.GetUtcNow().AddMinutes(20)));
        Assert.Equal(["Portes ouvertes"], await MineAsync(people[Personas.Sophie]));
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Empty(await MineAsync(people[Personas.Sophie]));
    }

    [Fact]
    public async Task A_message_reads_in_the_person_s_language_and_urgent_ones_are_alerts()
    {
        await ClearAsync();
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var admin = await app.SignedInClientAsync(Personas.Admin);
        await PostAsync(admin, Message("ENT en maintenance", ["Teacher"], [julesFerry], ends: app.Clock.GetUtcNow().AddHours(1), level: "Urgent",
            titleEn: "Maintenance tonight", textEn: "The ENT stops at 6 pm."));
        var claire = await app.SignedInClientAsync(Personas.Claire);

        Assert.Contains("class=\"flash flash-urgent\" role=\"alert\"", await claire.GetStringAsync("/", Ct), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/flash-messages");
        request.Headers.AcceptLanguage.ParseAdd("en-GB");
        using var json = JsonDocument.Parse(await (await claire.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct));
        var message = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Maintenance tonight", message.GetProperty("title").GetString());
        Assert.Equal("The ENT stops at 6 pm.", message.GetProperty("text").GetString());
        Assert.Equal("Urgent", message.GetProperty("level").GetString());
    }

    [Fact]
    public async Task A_local_admin_posts_to_her_own_school_only_and_sees_no_other_message()
    {
        await ClearAsync();
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var victorHugo = await app.StructureIdAsync(AdminData.VictorHugo);
        var ends = app.Clock.GetUtcNow().AddDays(1);
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("flash."), Ct));

        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsJsonAsync("/api/v1/admin/flash-messages", Message("Chez le voisin", ["Relative"], [victorHugo], ends: ends), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsJsonAsync("/api/v1/admin/flash-messages", Message("Chez les deux", ["Relative"], [julesFerry, victorHugo], ends: ends), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsJsonAsync("/api/v1/admin/flash-messages", Message("Partout", ["Relative"], all: true, ends: ends), Ct)).StatusCode);
        Assert.Equal(auditBefore, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("flash."), Ct)));

        // Bad input: the reasons, in her language.
        var invalid = await isabelle.PostAsJsonAsync("/api/v1/admin/flash-messages", Message("", [], [julesFerry], ends: app.Clock.GetUtcNow().AddHours(-1)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using (var problem = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync(Ct)))
        {
            var errors = problem.RootElement.GetProperty("errors");
            Assert.Equal("Donnez un titre.", errors.GetProperty("titleFr")[0].GetString());
            Assert.Equal("Choisissez au moins un profil.", errors.GetProperty("profiles")[0].GetString());
            Assert.True(errors.TryGetProperty("endsAt", out _));
        }

        var mine = await PostAsync(isabelle, Message("Kermesse samedi", ["Relative", "Student"], [julesFerry], ends: ends));
        var create = Assert.Single(await app.AuditAsync("flash.create"), a => a.Details!.Contains("Kermesse samedi", StringComparison.Ordinal));
        Assert.Equal(julesFerry, create.StructureId);

        // The SuperAdmin's messages to another school or to two schools are not hers: 404 all the way.
        var theirs = await PostAsync(admin, Message("Deux écoles", ["Relative"], [julesFerry, victorHugo], ends: ends));
        Assert.Equal(2, (await app.AuditAsync("flash.create")).Count(a => a.Details!.Contains("Deux écoles", StringComparison.Ordinal)));
        using (var list = JsonDocument.Parse(await isabelle.GetStringAsync("/api/v1/admin/flash-messages", Ct)))
        {
            Assert.Equal([mine], list.RootElement.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.GetAsync($"/api/v1/admin/flash-messages/{theirs}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PutAsJsonAsync($"/api/v1/admin/flash-messages/{theirs}", Message("Pris", ["Relative"], [julesFerry], ends: ends), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.DeleteAsync($"/api/v1/admin/flash-messages/{theirs}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.GetAsync($"/admin/flash/{theirs}", Ct)).StatusCode);
        Assert.DoesNotContain("Deux écoles", await isabelle.GetStringAsync("/admin/flash", Ct), StringComparison.Ordinal);

        // Her own: moved to the other school is refused, changed within hers is audited, then deleted.
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PutAsJsonAsync($"/api/v1/admin/flash-messages/{mine}", Message("Kermesse", ["Relative"], [victorHugo], ends: ends), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await isabelle.PutAsJsonAsync($"/api/v1/admin/flash-messages/{mine}", Message("Kermesse dimanche", ["Relative"], [julesFerry], ends: ends), Ct)).StatusCode);
        Assert.Equal(julesFerry, Assert.Single(await app.AuditAsync("flash.update"), a => a.Details!.Contains("Kermesse dimanche", StringComparison.Ordinal)).StructureId);
        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.DeleteAsync($"/api/v1/admin/flash-messages/{mine}", Ct)).StatusCode);
        Assert.Equal(julesFerry, Assert.Single(await app.AuditAsync("flash.delete"), a => a.Details!.Contains("Kermesse dimanche", StringComparison.Ordinal)).StructureId);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.GetAsync($"/api/v1/admin/flash-messages/{mine}", Ct)).StatusCode);

        // People without an admin function have no flash administration at all.
        var claire = await app.SignedInClientAsync(Personas.Claire);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync("/admin/flash", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync("/api/v1/admin/flash-messages", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.PostAsJsonAsync("/api/v1/admin/flash-messages", Message("Moi", ["Relative"], [julesFerry], ends: ends), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_admin_screens_preview_post_list_and_delete_a_message_without_script()
    {
        await ClearAsync();
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var form = await isabelle.GetStringAsync("/admin/flash/new", Ct);
        Assert.Contains($"value=\"{julesFerry}\" checked", form, StringComparison.Ordinal);
        Assert.DoesNotContain("AllStructures", form, StringComparison.Ordinal);

        var start = Preau.Platform.Kernel.SchoolTime.ToParis(app.Clock.GetUtcNow()).AddHours(1);
        (string, string)[] fields =
        [
            ("TitleFr", "Sortie au zoo"), ("TextFr", "Prévoir un pique-nique."), ("TitleEn", ""), ("TextEn", ""), ("Level", "Important"),
            ("StartsAt", start.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("EndsAt", start.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("Profiles", "Relative"), ("StructureIds", julesFerry.ToString()),
        ];
        var preview = await isabelle.PostFormAsync("/admin/flash/new?handler=Preview", fields, "/admin/flash/new");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewPage = await preview.Content.ReadAsStringAsync(Ct);
        Assert.Contains("class=\"flash flash-important\"", previewPage, StringComparison.Ordinal);
        Assert.Equal(0, await AuditCountAsync("flash.create", "Sortie au zoo"));

        var posted = await isabelle.PostFormAsync("/admin/flash/new", fields, "/admin/flash/new");
        Assert.Equal("/admin/flash?done=created", posted.RedirectTarget());
        var list = await isabelle.GetStringAsync("/admin/flash?done=created", Ct);
        Assert.Contains("Sortie au zoo", list, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await isabelle.GetStringAsync("/api/v1/admin/flash-messages", Ct));
        var message = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Scheduled", message.GetProperty("period").GetString());
        Assert.Equal(start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            message.GetProperty("startsAt").GetDateTimeOffset().ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var id = message.GetProperty("id").GetGuid();

        var invalid = await isabelle.PostFormAsync($"/admin/flash/{id}", [.. fields.Where(f => f.Item1 != "Profiles")], $"/admin/flash/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Choisissez au moins un profil.", await invalid.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var deleted = await isabelle.PostFormAsync($"/admin/flash/{id}?handler=Delete", [], $"/admin/flash/{id}");
        Assert.Equal("/admin/flash?done=deleted", deleted.RedirectTarget());
        Assert.Equal(1, await AuditCountAsync("flash.create", "Sortie au zoo"));
        Assert.Equal(1, await AuditCountAsync("flash.delete", "Sortie au zoo"));
    }

    [Fact]
    public async Task The_shell_adds_one_query_a_page_for_a_person_with_messages_and_none_for_others()
    {
        await ClearAsync();
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var admin = await app.SignedInClientAsync(Personas.Admin);
        await PostAsync(admin, Message("Cantine fermée", ["Relative"], [julesFerry], ends: app.Clock.GetUtcNow().AddHours(3)));
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var paul = await app.SignedInClientAsync(Personas.Paul);

        Assert.Equal(1, await FlashQueriesAsync(sophie));
        Assert.Equal(0, await FlashQueriesAsync(paul));
    }

    private async Task<int> FlashQueriesAsync(HttpClient client)
    {
        (await client.GetAsync("/", Ct)).EnsureSuccessStatusCode(); // warm-up: the structures' messages are cached
        app.Queries.Reset();
        (await client.GetAsync("/", Ct)).EnsureSuccessStatusCode();
        return app.Queries.Commands.Count(c => c.Contains("flh_", StringComparison.Ordinal));
    }

    private static async Task<Guid> IdAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/flash-messages", Ct));
        return json.RootElement[0].GetProperty("id").GetGuid();
    }

    private static async Task<Dictionary<string, List<string>>> SeenAsync(Dictionary<string, HttpClient> people)
    {
        var seen = new Dictionary<string, List<string>>();
        foreach (var (login, client) in people)
        {
            seen[login] = await MineAsync(client);
        }

        return seen;
    }
}

public sealed class SqliteFlashMessageTests(SqliteApp app) : FlashMessageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFlashMessageTests(PostgresApp app) : FlashMessageTests(app), IClassFixture<PostgresApp>;
