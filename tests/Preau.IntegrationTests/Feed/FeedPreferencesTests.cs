using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.Platform.Feed;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// Where each type goes: the person's own choice, else the SuperAdmin's default for their profile,
/// else the module's; set and reset through the API and the page; the SuperAdmin's defaults change
/// what people without a choice get, delivery included; only the SuperAdmin edits them.
/// </summary>
public abstract class FeedPreferencesTests(PreauApp app)
{
    private const string Type = TestNotesModule.NoteFeedType;
    private const string Mine = "/api/v1/feed/preferences";
    private const string Defaults = "/api/v1/admin/feed/defaults";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_person_s_choice_wins_over_the_superadmin_s_default_which_wins_over_the_module_s()
    {
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var admin = await app.SignedInClientAsync(Personas.Admin);
        try
        {
            // The module declares the day's summary for parents.
            Assert.Equal(("Daily", false, false), await ChoiceAsync(sophie));

            // The SuperAdmin's default for parents replaces it for those who chose nothing.
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync(Defaults, Cells(("Relative", "Weekly", true)), Ct)).StatusCode);
            Assert.Equal(("Weekly", true, false), await ChoiceAsync(sophie));

            // The person's own choice wins, whatever the SuperAdmin sets afterwards.
            var set = await sophie.PutAsJsonAsync(Mine, new { preferences = new[] { new { type = Type, channel = "immediate" } } }, Ct);
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Equal(("Immediate", true, true), Find(await set.Content.ReadFromJsonAsync<JsonElement>(Ct)));
            await admin.PutAsJsonAsync(Defaults, Cells(("Relative", "Never", false)), Ct);
            Assert.Equal(("Immediate", true, true), await ChoiceAsync(sophie));
            var push = await sophie.PutAsJsonAsync(Mine, new { preferences = new[] { new { type = Type, push = false } } }, Ct);
            Assert.Equal(("Immediate", false, true), Find(await push.Content.ReadFromJsonAsync<JsonElement>(Ct)));

            // Reset: back to the SuperAdmin's default, then to the module's when the SuperAdmin resets too.
            Assert.Equal(HttpStatusCode.NoContent, (await sophie.DeleteAsync(Mine, Ct)).StatusCode);
            Assert.Equal(("Never", false, false), await ChoiceAsync(sophie));
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Defaults, Ct)).StatusCode);
            Assert.Equal(("Daily", false, false), await ChoiceAsync(sophie));

            var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "feed.defaults-update").Select(e => e.Details!).ToListAsync(Ct));
            Assert.Equal(3, audit.Count);
            Assert.Contains(audit, d => d.Contains("tests.note-published Relative: Daily→Weekly, push on", StringComparison.Ordinal));
            Assert.Contains(audit, d => d.Contains("tests.note-published Relative: Weekly→Never, push off", StringComparison.Ordinal));
            Assert.Contains(audit, d => d.StartsWith("reset: tests.note-published", StringComparison.Ordinal));
        }
        finally
        {
            await CleanAsync();
        }
    }

    [Fact]
    public async Task A_superadmin_default_of_never_stops_delivery_to_people_of_that_profile_without_a_choice()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var sophie = await app.PersonAsync(Personas.Sophie);
        var marc = await app.PersonAsync(Personas.Marc);
        var lea = await app.PersonAsync(Personas.Lea);
        var admin = await app.SignedInClientAsync(Personas.Admin);
        var sophieClient = await app.SignedInClientAsync(Personas.Sophie);
        try
        {
            await sophieClient.PutAsJsonAsync(Mine, new { preferences = new[] { new { type = Type, channel = "Feed" } } }, Ct);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync(Defaults, Cells(("Relative", "Never", false)), Ct)).StatusCode);

            var published = await app.PublishAsync(FeedData.Note(claire, "Kermesse", users: [sophie, marc, lea]));
            Assert.True(await app.SeesAsync(sophie, published.EventId), "A parent who chose the feed");
            Assert.False(await app.SeesAsync(marc, published.EventId), "A parent without a choice: the default is Never");
            Assert.True(await app.SeesAsync(lea, published.EventId), "Pupils keep their default");
            Assert.Equal(2, published.NewRecipients);

            await admin.DeleteAsync(Defaults, Ct);
            var after = await app.PublishAsync(FeedData.Note(claire, "Kermesse (suite)", users: [marc]));
            Assert.True(await app.SeesAsync(marc, after.EventId), "Back to the module's default once the SuperAdmin resets");
        }
        finally
        {
            await CleanAsync();
        }
    }

    [Fact]
    public async Task The_api_refuses_unknown_types_and_channels_with_problem_details_and_keeps_everything()
    {
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var sophieId = await app.PersonAsync(Personas.Sophie);

        var unknownType = await sophie.PutAsJsonAsync(Mine, new { preferences = new[] { new { type = Type, channel = "Weekly" }, new { type = "tests.nope", channel = "Weekly" } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Equal("application/problem+json", unknownType.Content.Headers.ContentType?.MediaType);
        var problem = await unknownType.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("tests.nope", problem.GetProperty("errors").GetProperty("preferences[1].type")[0].GetString(), StringComparison.Ordinal);

        foreach (var channel in new[] { "Hourly", "2", "99", "Feed,Daily", "" })
        {
            var refused = await sophie.PutAsJsonAsync(Mine, new { preferences = new[] { new { type = Type, channel } } }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("preferences[0].channel", out _), channel);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await sophie.PutAsJsonAsync(Mine, new { preferences = Array.Empty<object>() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sophie.PutAsJsonAsync(Mine, new { preferences = new[] { new { type = Type } } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sophie.PutAsJsonAsync(Mine, new { preferences = new[] { new { type = Type, channel = "Feed" }, new { type = Type, channel = "Never" } } }, Ct)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<FeedPreference>().CountAsync(p => p.UserId == sophieId, Ct)));

        var anonymous = app.CreateBrowserlikeClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(Mine, Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_the_superadmin_sees_or_changes_the_defaults()
    {
        foreach (var login in new[] { Personas.Isabelle, Personas.Claire, Personas.Sophie })
        {
            var client = await app.SignedInClientAsync(login);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Defaults, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync(Defaults, Cells(("Relative", "Never", false)), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(Defaults, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/feed-defaults", Ct)).StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<FeedTypeDefault>().CountAsync(Ct)));

        var admin = await app.SignedInClientAsync(Personas.Admin);
        var matrix = await admin.GetFromJsonAsync<JsonElement>(Defaults, Ct);
        var type = matrix.GetProperty("apps").EnumerateArray().SelectMany(a => a.GetProperty("types").EnumerateArray()).Single(t => t.GetProperty("type").GetString() == Type);
        var relative = type.GetProperty("profiles").EnumerateArray().Single(c => c.GetProperty("profile").GetString() == "Relative");
        Assert.Equal("Daily", relative.GetProperty("channel").GetString());
        Assert.Equal("Daily", relative.GetProperty("declaredChannel").GetString());
        var guest = type.GetProperty("profiles").EnumerateArray().Single(c => c.GetProperty("profile").GetString() == "Guest");
        Assert.Equal("Never", guest.GetProperty("channel").GetString());

        var page = await admin.GetStringAsync("/admin/feed-defaults", Ct);
        Assert.Contains("Notifications par défaut", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/feed-defaults\"", await admin.GetStringAsync("/admin", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/feed-defaults\"", await (await app.SignedInClientAsync(Personas.Isabelle)).GetStringAsync("/admin", Ct), StringComparison.Ordinal);

        foreach (var bad in new[] { Cells(("Robot", "Feed", false)), Cells(("Relative", "Hourly", false)), new { defaults = new[] { new { type = "tests.nope", profile = "Relative", channel = "Feed" } } } as object, new { defaults = Array.Empty<object>() } })
        {
            var refused = await admin.PutAsJsonAsync(Defaults, bad, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("defaults", out _));
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<FeedTypeDefault>().CountAsync(Ct)));
    }

    [Fact]
    public async Task The_superadmin_screen_saves_the_table_without_javascript_storing_only_departures()
    {
        var admin = await app.SignedInClientAsync(Personas.Admin);
        try
        {
            var token = await PreauApp.AntiforgeryTokenAsync(admin, "/admin/feed-defaults");
            var fields = new List<KeyValuePair<string, string>> { new("__csrf", token) };
            foreach (var profile in Enum.GetNames<Preau.Platform.Kernel.Profile>())
            {
                var channel = profile switch { "Relative" => "Weekly", "Guest" => "Never", "Teacher" => "Never", _ => "Feed" };
                fields.Add(new($"c.{Type}.{profile}", channel));
            }

            fields.Add(new("p", $"{Type}|Relative"));
            var saved = await admin.PostAsync("/admin/feed-defaults?handler=Save", new FormUrlEncodedContent(fields), Ct);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("/admin/feed-defaults?done=saved", saved.Headers.Location?.OriginalString);

            // Only the type this form posted; the other types' rows are not this test's subject.
            var rows = await app.WithDbAsync(db => db.Set<FeedTypeDefault>().Where(r => r.Type == Type).OrderBy(r => r.Profile).ToListAsync(Ct));
            Assert.Equal(
                [(Preau.Platform.Kernel.Profile.Relative, FeedChannel.Weekly, true), (Preau.Platform.Kernel.Profile.Teacher, FeedChannel.Never, false)],
                rows.Select(r => (r.Profile, r.Channel, r.Push)));
            Assert.Contains("Les notifications par défaut sont enregistrées", await admin.GetStringAsync("/admin/feed-defaults?done=saved", Ct), StringComparison.Ordinal);
        }
        finally
        {
            await CleanAsync();
        }
    }

    [Fact]
    public async Task The_page_saves_only_what_the_person_changed_and_resets_without_javascript()
    {
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var sophieId = await app.PersonAsync(Personas.Sophie);
        try
        {
            var html = await sophie.GetStringAsync("/fil/preferences", Ct);
            Assert.Contains("Mes notifications", html, StringComparison.Ordinal);
            Assert.Contains("<option value=\"Daily\" selected=\"selected\">Résumé quotidien par e-mail (par défaut)</option>", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/fil/appareil\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Sans adresse e-mail", html, StringComparison.Ordinal);

            // Saving the page as it stands keeps following the defaults: nothing is stored.
            Assert.Equal(HttpStatusCode.Redirect, (await PostPreferencesAsync(sophie, ("c." + Type, "Daily"))).StatusCode);
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<FeedPreference>().CountAsync(p => p.UserId == sophieId && p.Type == Type, Ct)));

            var saved = await PostPreferencesAsync(sophie, ("c." + Type, "Weekly"), ("p", Type));
            Assert.Equal("/fil/preferences?done=saved", saved.Headers.Location?.OriginalString);
            var row = await app.WithDbAsync(db => db.Set<FeedPreference>().SingleAsync(p => p.UserId == sophieId && p.Type == Type, Ct));
            Assert.Equal((FeedChannel.Weekly, true), (row.Channel, row.Push));
            var after = await sophie.GetStringAsync("/fil/preferences?done=saved", Ct);
            Assert.Contains("Vos choix sont enregistrés", after, StringComparison.Ordinal);
            Assert.Contains("Mon choix", after, StringComparison.Ordinal);

            var refused = await PostPreferencesAsync(sophie, ("c." + Type, "Hourly"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Canal inconnu", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

            var token = await PreauApp.AntiforgeryTokenAsync(sophie, "/fil/preferences");
            var reset = await sophie.PostAsync("/fil/preferences?handler=Reset", new FormUrlEncodedContent([new("__csrf", token)]), Ct);
            Assert.Equal("/fil/preferences?done=reset", reset.Headers.Location?.OriginalString);
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<FeedPreference>().CountAsync(p => p.UserId == sophieId, Ct)));
        }
        finally
        {
            await CleanAsync();
        }
    }

    [Fact]
    public async Task People_without_an_address_are_told_and_young_pupils_only_choose_whether_they_see_each_type()
    {
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        var html = await hugo.GetStringAsync("/fil/preferences", Ct);
        Assert.Contains("Sans adresse e-mail, ajoutez-en une dans votre compte pour recevoir les e-mails.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account\"", html, StringComparison.Ordinal);
        Assert.Contains("Par e-mail tout de suite", html, StringComparison.Ordinal);

        var lea = await app.SignedInClientAsync(Personas.Lea);
        var leaId = await app.PersonAsync(Personas.Lea);
        try
        {
            var young = await lea.GetStringAsync("/fil/preferences", Ct);
            Assert.Contains("Je le vois", young, StringComparison.Ordinal);
            Assert.DoesNotContain("Par e-mail", young, StringComparison.Ordinal);
            Assert.DoesNotContain("Sur mon téléphone", young, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.Redirect, (await PostPreferencesAsync(lea, ("c." + Type, "Feed"))).StatusCode);
            Assert.Equal(0, await app.WithDbAsync(db => db.Set<FeedPreference>().CountAsync(p => p.UserId == leaId, Ct)));
            await PostPreferencesAsync(lea, ("c." + Type, "Never"));
            var row = await app.WithDbAsync(db => db.Set<FeedPreference>().SingleAsync(p => p.UserId == leaId, Ct));
            Assert.Equal((FeedChannel.Never, false), (row.Channel, row.Push));
        }
        finally
        {
            await CleanAsync();
        }
    }

    private static async Task<HttpResponseMessage> PostPreferencesAsync(HttpClient client, params (string Name, string Value)[] fields)
    {
        var token = await PreauApp.AntiforgeryTokenAsync(client, "/fil/preferences");
        var form = new List<KeyValuePair<string, string>> { new("__csrf", token) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync("/fil/preferences?handler=Save", new FormUrlEncodedContent(form), Ct);
    }

    private static async Task<(string Channel, bool Push, bool IsOwn)> ChoiceAsync(HttpClient client) =>
        Find(await client.GetFromJsonAsync<JsonElement>(Mine, Ct));

    private static (string Channel, bool Push, bool IsOwn) Find(JsonElement sheet)
    {
        var type = sheet.GetProperty("apps").EnumerateArray().SelectMany(a => a.GetProperty("types").EnumerateArray()).Single(t => t.GetProperty("type").GetString() == Type);
        return (type.GetProperty("channel").GetString()!, type.GetProperty("push").GetBoolean(), type.GetProperty("isOwn").GetBoolean());
    }

    private static object Cells(params (string Profile, string Channel, bool Push)[] cells) =>
        new { defaults = cells.Select(c => new { type = Type, profile = c.Profile, channel = c.Channel, push = c.Push }).ToArray() };

    // The defaults are the platform's and the class shares one app: each test leaves them as it found them.
    private Task<int> CleanAsync() => app.WithDbAsync(async db =>
    {
        await db.Set<FeedPreference>().Where(p => p.Type == Type).ExecuteDeleteAsync(Ct);
        await db.Set<FeedTypeDefault>().ExecuteDeleteAsync(Ct);
        return await db.AuditEntries.Where(e => e.Action == "feed.defaults-update").ExecuteDeleteAsync(Ct);
    });
}

public sealed class SqliteFeedPreferencesTests(SqliteApp app) : FeedPreferencesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFeedPreferencesTests(PostgresApp app) : FeedPreferencesTests(app), IClassFixture<PostgresApp>;
