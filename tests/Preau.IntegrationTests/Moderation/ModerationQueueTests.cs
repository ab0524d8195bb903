using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Admin;
using Preau.IntegrationTests.Communication;
using Preau.IntegrationTests.Feed;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Moderation;

/// <summary>
/// The moderation queue: an item a person reports leaves their feed and waits in the queue of
/// its school's administrators, who keep it (reports closed, the reporters keep it hidden) or
/// remove it (gone from every feed); both are audited with the school, and nobody outside the
/// school's administration reaches the queue or its decisions.
/// </summary>
public abstract class ModerationQueueTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Claire's note to the pupils and parents of CE2 A (Jules Ferry), and the structure it belongs to.</summary>
    private async Task<(long EventId, Guid School)> CeNoteAsync(string title)
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var published = await app.PublishAsync(FeedData.Note(claire, title,
            groups: [await app.GroupAsync("CE2 A", Profile.Student), await app.GroupAsync("CE2 A", Profile.Relative)]));
        return (published.EventId, await app.StructureIdAsync(AdminData.JulesFerry));
    }

    private static async Task<JsonElement> QueueAsync(HttpClient client, Guid school)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/admin/structures/{school}/reports", Ct));
        return json.RootElement.Clone();
    }

    private static JsonElement? Entry(JsonElement queue, long eventId) =>
        queue.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("eventId").GetInt64() == eventId).Select(i => (JsonElement?)i).FirstOrDefault();

    [Fact]
    public async Task A_reported_item_disappears_for_the_reporter_and_appears_in_the_ADML_s_queue()
    {
        var (eventId, school) = await CeNoteAsync("Photos de la kermesse");
        var lea = await app.PersonAsync(Personas.Lea);
        var otherPupil = await app.PersonAsync("ce2-pupil");
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        Assert.Null(Entry(await QueueAsync(isabelle, school), eventId));

        Assert.True(await app.WithFeedAsync(f => f.ReportAsync(lea, eventId, "Il y a ma photo sans autorisation", Ct)));

        Assert.False(await app.SeesAsync(lea, eventId), "The reporter no longer sees it");
        Assert.True(await app.SeesAsync(otherPupil, eventId), "Everyone else still does until a moderator decides");
        var queue = await QueueAsync(isabelle, school);
        var entry = Entry(queue, eventId) ?? throw new InvalidOperationException("The reported item is not in the queue.");
        Assert.Equal("Claire Martin a publié la note « Photos de la kermesse »", entry.GetProperty("text").GetString());
        Assert.Equal("Claire Martin", entry.GetProperty("actorName").GetString());
        Assert.Equal("/tests/notes", entry.GetProperty("link").GetString());
        Assert.Equal(1, entry.GetProperty("reportCount").GetInt32());
        var reporter = entry.GetProperty("reporters")[0];
        Assert.Equal("Léa Dubois", reporter.GetProperty("name").GetString());
        Assert.Equal("Il y a ma photo sans autorisation", reporter.GetProperty("reason").GetString());

        // A second reporter adds to the same entry; the page shows the item, its reporters and reasons, the school's page the count.
        Assert.True(await app.WithFeedAsync(f => f.ReportAsync(otherPupil, eventId, null, Ct)));
        Assert.Equal(2, Entry(await QueueAsync(isabelle, school), eventId)!.Value.GetProperty("reportCount").GetInt32());
        var page = await isabelle.GetStringAsync($"/admin/structures/{school}/signalements", Ct);
        Assert.Contains("Photos de la kermesse", page, StringComparison.Ordinal);
        Assert.Contains("Léa Dubois", page, StringComparison.Ordinal);
        Assert.Contains("Il y a ma photo sans autorisation", page, StringComparison.Ordinal);
        Assert.Contains("2 signalements", page, StringComparison.Ordinal);
        var hub = await isabelle.GetStringAsync($"/admin/structures/{school}", Ct);
        Assert.Contains($"/admin/structures/{school}/signalements", hub, StringComparison.Ordinal);
        Assert.Contains("1 en attente", hub, StringComparison.Ordinal);

        // In the moderator's language.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/admin/structures/{school}/reports");
        var admin = await app.SignedInClientAsync(Personas.Admin);
        request.Headers.AcceptLanguage.ParseAdd("en-GB");
        using var english = JsonDocument.Parse(await (await admin.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal("Claire Martin published the note “Photos de la kermesse”", Entry(english.RootElement, eventId)!.Value.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Keeping_closes_the_reports_and_only_the_reporters_keep_the_item_hidden()
    {
        var (eventId, school) = await CeNoteAsync("Sortie à la piscine");
        var lea = await app.PersonAsync(Personas.Lea);
        var otherPupil = await app.PersonAsync("ce2-pupil");
        await app.WithFeedAsync(f => f.ReportAsync(lea, eventId, "Pas d'accord", Ct));
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);

        var kept = await isabelle.PostFormAsync($"/admin/structures/{school}/signalements?handler=Keep", [("eventId", eventId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            $"/admin/structures/{school}/signalements");
        Assert.Equal($"/admin/structures/{school}/signalements?done=kept", kept.RedirectTarget());

        var isabelleId = await app.PersonAsync(Personas.Isabelle);
        var report = await app.WithDbAsync(db => db.Set<FeedReport>().AsNoTracking().SingleAsync(r => r.EventId == eventId, Ct));
        Assert.Equal(FeedReportDecision.Kept, report.Decision);
        Assert.Equal(isabelleId, report.DecidedBy);
        Assert.NotNull(report.DecidedAt);
        Assert.False(await app.SeesAsync(lea, eventId), "The reporter keeps it hidden");
        Assert.True(await app.SeesAsync(otherPupil, eventId), "It stays in everyone else's feed");
        Assert.Null(await app.WithDbAsync(db => db.Set<FeedEvent>().Where(e => e.Id == eventId).Select(e => e.RemovedAt).SingleAsync(Ct)));
        Assert.Null(Entry(await QueueAsync(isabelle, school), eventId));

        var audit = Assert.Single(await app.AuditAsync("feed.report-keep"), a => a.Details!.Contains($"#{eventId} ", StringComparison.Ordinal));
        Assert.Equal(school, audit.StructureId);
        Assert.Equal(isabelleId, audit.ActorId);
        Assert.Equal(await app.PersonAsync(Personas.Claire), audit.TargetUserId);
        Assert.Contains("Sortie à la piscine", audit.Details, StringComparison.Ordinal);

        // Decided once: a second decision finds nothing pending.
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsync($"/api/v1/admin/structures/{school}/reports/{eventId}/keep", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.PostAsync($"/api/v1/admin/structures/{school}/reports/{eventId}/remove", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Removing_takes_the_item_out_of_every_feed_and_closes_every_report()
    {
        var (eventId, school) = await CeNoteAsync("Message déplacé");
        var lea = await app.PersonAsync(Personas.Lea);
        var otherPupil = await app.PersonAsync("ce2-pupil");
        var parent = await app.PersonAsync("ce2-parent");
        await app.WithFeedAsync(f => f.ReportAsync(lea, eventId, null, Ct));
        await app.WithFeedAsync(f => f.ReportAsync(parent, eventId, "Propos blessants", Ct));
        Assert.True(await app.RecipientCountAsync(eventId) > 10);
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);

        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.PostAsync($"/api/v1/admin/structures/{school}/reports/{eventId}/remove", null, Ct)).StatusCode);

        Assert.Equal(0, await app.RecipientCountAsync(eventId));
        Assert.False(await app.SeesAsync(otherPupil, eventId));
        Assert.NotNull(await app.WithDbAsync(db => db.Set<FeedEvent>().Where(e => e.Id == eventId).Select(e => e.RemovedAt).SingleAsync(Ct)));
        var decisions = await app.WithDbAsync(db => db.Set<FeedReport>().Where(r => r.EventId == eventId).Select(r => r.Decision).ToListAsync(Ct));
        Assert.Equal([FeedReportDecision.Removed, FeedReportDecision.Removed], decisions);
        Assert.Null(Entry(await QueueAsync(isabelle, school), eventId));
        var audit = Assert.Single(await app.AuditAsync("feed.report-remove"), a => a.Details!.Contains($"#{eventId} ", StringComparison.Ordinal));
        Assert.Equal(school, audit.StructureId);
        Assert.Contains("(2)", audit.Details, StringComparison.Ordinal);

        // A removed item cannot be reported again, nor published over by a merge.
        Assert.False(await app.WithFeedAsync(f => f.ReportAsync(otherPupil, eventId, null, Ct)));
    }

    [Fact]
    public async Task Another_school_s_admin_and_people_without_the_function_get_not_found()
    {
        var paul = await app.PersonAsync(Personas.Paul);
        var hugo = await app.PersonAsync(Personas.Hugo);
        var victorHugo = await app.StructureIdAsync(AdminData.VictorHugo);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var published = await app.PublishAsync(FeedData.Note(paul, "Contrôle de grammaire", groups: [await app.GroupAsync("5e B", Profile.Student)]));
        await app.WithFeedAsync(f => f.ReportAsync(hugo, published.EventId, "Faux", Ct));
        var id = published.EventId;

        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        foreach (var (name, call) in new (string, Func<Task<HttpResponseMessage>>)[]
        {
            ("page", () => isabelle.GetAsync($"/admin/structures/{victorHugo}/signalements", Ct)),
            ("list", () => isabelle.GetAsync($"/api/v1/admin/structures/{victorHugo}/reports", Ct)),
            ("keep", () => isabelle.PostAsync($"/api/v1/admin/structures/{victorHugo}/reports/{id}/keep", null, Ct)),
            ("remove", () => isabelle.PostAsync($"/api/v1/admin/structures/{victorHugo}/reports/{id}/remove", null, Ct)),
            ("keep through her school", () => isabelle.PostAsync($"/api/v1/admin/structures/{julesFerry}/reports/{id}/keep", null, Ct)),
            ("remove through her school", () => isabelle.PostAsync($"/api/v1/admin/structures/{julesFerry}/reports/{id}/remove", null, Ct)),
            ("remove page", () => isabelle.PostFormAsync($"/admin/structures/{victorHugo}/signalements?handler=Remove", [("eventId", id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "/admin")),
        })
        {
            Assert.True(HttpStatusCode.NotFound == (await call()).StatusCode, name);
        }

        Assert.DoesNotContain("Contrôle de grammaire", await isabelle.GetStringAsync($"/admin/structures/{julesFerry}/signalements", Ct), StringComparison.Ordinal);
        var claire = await app.SignedInClientAsync(Personas.Claire);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/admin/structures/{julesFerry}/signalements", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/api/v1/admin/structures/{julesFerry}/reports", Ct)).StatusCode);

        Assert.Equal(FeedReportDecision.Pending, await app.WithDbAsync(db => db.Set<FeedReport>().Where(r => r.EventId == id).Select(r => r.Decision).SingleAsync(Ct)));
        Assert.True(await app.RecipientCountAsync(id) > 0);

        // The SuperAdmin moderates every school.
        var admin = await app.SignedInClientAsync(Personas.Admin);
        Assert.NotNull(Entry(await QueueAsync(admin, victorHugo), id));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/structures/{victorHugo}/reports/{id}/keep", null, Ct)).StatusCode);
    }
}

public sealed class SqliteModerationQueueTests(SqliteApp app) : ModerationQueueTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresModerationQueueTests(PostgresApp app) : ModerationQueueTests(app), IClassFixture<PostgresApp>;
