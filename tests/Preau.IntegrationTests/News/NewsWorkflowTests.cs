using System.Net;
using System.Net.Http.Json;
using Preau.News;
using Preau.Testing;

namespace Preau.IntegrationTests.News;

/// <summary>
/// The actualités' workflow per role over HTTP: a contributor writes and submits but cannot
/// publish, a publisher publishes; readers see an item only once published and its time come;
/// a scheduled item shows on parents' home pages at its time and the job tells them; an expired
/// one leaves the home page; a trashed one takes its notifications back; people outside the
/// audience get 404.
/// </summary>
public abstract class NewsWorkflowTests(NewsApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_contributor_submits_but_cannot_publish_and_a_publisher_publishes()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var thread = await app.SchoolThreadAsync(isabelle);

        // Claire, a teacher of the school, contributes: she writes a draft and submits it.
        var item = await NewsApp.DraftAsync(claire, thread, "Chorale de Noël");
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync($"/api/v1/news/items/{item}", Ct)).StatusCode);
        var submitted = await NewsApp.JsonAsync(await claire.PostAsync($"/api/v1/news/items/{item}/submit", null, Ct), HttpStatusCode.OK);
        Assert.Equal("submitted", submitted.GetProperty("status").GetString());
        Assert.Equal([(await app.UserAsync(Personas.Isabelle)).Id], await app.RecipientsAsync(NewsFeed.Submitted, item));

        // She cannot publish; nor can a pupil; the item stays out of readers' sight.
        Assert.Equal(HttpStatusCode.NotFound, (await claire.PostAsync($"/api/v1/news/items/{item}/publish", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.PostAsync($"/api/v1/news/items/{item}/publish", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync($"/actualites/{item}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.PostAsJsonAsync($"/api/v1/news/threads/{thread}/items", new { title = "x", body = "y" }, Ct)).StatusCode);

        // The directrice publishes it: readers see it and are told, the author among them.
        var published = await NewsApp.JsonAsync(await isabelle.PostAsync($"/api/v1/news/items/{item}/publish", null, Ct), HttpStatusCode.OK);
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.NotNull(published.GetProperty("firstPublishedAt").GetString());
        var page = await lea.GetPageAsync($"/actualites/{item}");
        Assert.Equal("Chorale de Noël", page.TextOf("h1"));
        var told = await app.RecipientsAsync(NewsFeed.Published, item);
        Assert.Contains((await app.UserAsync(Personas.Lea)).Id, told);
        Assert.Contains((await app.UserAsync(Personas.Sophie)).Id, told);
        Assert.Contains((await app.UserAsync(Personas.Claire)).Id, told);
        Assert.DoesNotContain((await app.UserAsync(Personas.Marc)).Id, told);

        // Once published, the contributor may no longer change it; the publisher may, and unpublish it.
        Assert.Equal(HttpStatusCode.NotFound, (await claire.PutAsJsonAsync($"/api/v1/news/items/{item}", new { title = "Autre", body = "<p>x</p>" }, Ct)).StatusCode);
        var back = await NewsApp.JsonAsync(await isabelle.PostAsync($"/api/v1/news/items/{item}/unpublish", null, Ct), HttpStatusCode.OK);
        Assert.Equal("draft", back.GetProperty("status").GetString());
        Assert.Empty(await app.RecipientsAsync(NewsFeed.Published, item));
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync($"/api/v1/news/items/{item}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_scheduled_headline_reaches_parents_home_pages_at_its_time()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        await app.ShowJulesFerryAsync(sophie);
        var thread = await app.SchoolThreadAsync(isabelle);
        var title = "Portes ouvertes " + Guid.NewGuid().ToString("N")[..6];
        var at = app.Clock.GetUtcNow().AddHours(3);
        var item = await NewsApp.DraftAsync(isabelle, thread, title, headline: true, publishAt: at);
        var scheduled = await NewsApp.JsonAsync(await isabelle.PostAsync($"/api/v1/news/items/{item}/publish", null, Ct), HttpStatusCode.OK);
        Assert.Equal("scheduled", scheduled.GetProperty("status").GetString());

        // Before its time: not on the home page, not readable, nobody told.
        Assert.DoesNotContain(title, (await sophie.GetPageAsync("/")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await sophie.GetAsync($"/actualites/{item}", Ct)).StatusCode);
        Assert.Empty(await app.RecipientsAsync(NewsFeed.Published, item));

        // At its time the page shows it whatever the job did; the job then tells the readers.
        var done = await app.PublicationsDoneAsync();
        app.Clock.Advance(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        var home = await sophie.GetPageAsync("/");
        Assert.Contains(title, home.QuerySelector("#a-la-une")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await sophie.GetAsync($"/actualites/{item}", Ct)).StatusCode);
        await app.WaitForPublicationsAsync(done + 1);
        Assert.Contains((await app.UserAsync(Personas.Sophie)).Id, await app.RecipientsAsync(NewsFeed.Published, item));
        var first = await NewsApp.JsonAsync(await sophie.GetAsync($"/api/v1/news/items/{item}", Ct), HttpStatusCode.OK);
        Assert.Equal(at, first.GetProperty("firstPublishedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_rescheduled_item_is_not_published_by_the_old_job()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var thread = await app.SchoolThreadAsync(isabelle);
        var at = app.Clock.GetUtcNow().AddHours(1);
        var item = await NewsApp.DraftAsync(isabelle, thread, "Réunion", publishAt: at);
        await NewsApp.JsonAsync(await isabelle.PostAsync($"/api/v1/news/items/{item}/publish", null, Ct), HttpStatusCode.OK);
        var later = at.AddDays(1);
        var moved = await NewsApp.JsonAsync(await isabelle.PutAsJsonAsync($"/api/v1/news/items/{item}", new { title = "Réunion (reportée)", body = "<p>Demain</p>", publishAt = later }, Ct), HttpStatusCode.OK);
        Assert.Equal("scheduled", moved.GetProperty("status").GetString());

        var before = await app.PublicationsDoneAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.WaitForPublicationsAsync(before + 1);
        Assert.Empty(await app.RecipientsAsync(NewsFeed.Published, item));
        var lea = await app.SignedInClientAsync(Personas.Lea);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.GetAsync($"/api/v1/news/items/{item}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_expired_headline_leaves_the_home_page_and_a_trashed_item_its_notifications()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        await app.ShowJulesFerryAsync(sophie);
        var thread = await app.SchoolThreadAsync(isabelle);
        var title = "Inscriptions cantine " + Guid.NewGuid().ToString("N")[..6];
        var item = await NewsApp.DraftAsync(isabelle, thread, title, headline: true, expireAt: app.Clock.GetUtcNow().AddHours(2));
        await NewsApp.JsonAsync(await isabelle.PostAsync($"/api/v1/news/items/{item}/publish", null, Ct), HttpStatusCode.OK);
        Assert.Contains(title, (await sophie.GetPageAsync("/")).QuerySelector("#a-la-une")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(await app.RecipientsAsync(NewsFeed.Published, item));

        app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        // It leaves the headlines (the feed below still tells of the publication; the demo's own headline stays).
        Assert.DoesNotContain(title, (await sophie.GetPageAsync("/")).QuerySelector("#a-la-une")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await sophie.GetAsync($"/api/v1/news/items/{item}", Ct)).StatusCode);
        var forPublisher = await NewsApp.JsonAsync(await isabelle.GetAsync($"/api/v1/news/items/{item}", Ct), HttpStatusCode.OK);
        Assert.Equal("expired", forPublisher.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await isabelle.DeleteAsync($"/api/v1/news/items/{item}", Ct)).StatusCode);
        Assert.Empty(await app.RecipientsAsync(NewsFeed.Published, item));
        Assert.Equal(HttpStatusCode.NotFound, (await isabelle.GetAsync($"/api/v1/news/items/{item}", Ct)).StatusCode);
    }

    [Fact]
    public async Task People_outside_a_class_thread_get_404()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var ce2 = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Classes, c => c.Name == "CE2 A", Ct));
        var thread = NewsApp.Id(await NewsApp.JsonAsync(await claire.PostAsJsonAsync("/api/v1/news/threads",
            new { title = "CE2 " + Guid.NewGuid().ToString("N")[..6], structureId = ce2.StructureId, classId = ce2.Id, commentsEnabled = true }, Ct), HttpStatusCode.Created));
        var item = await NewsApp.DraftAsync(claire, thread, "Piscine");
        await NewsApp.JsonAsync(await claire.PostAsync($"/api/v1/news/items/{item}/publish", null, Ct), HttpStatusCode.OK);

        var lea = await app.SignedInClientAsync(Personas.Lea);
        Assert.Equal(HttpStatusCode.OK, (await lea.GetAsync($"/actualites/{item}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lea.GetAsync($"/actualites/fils/{thread}", Ct)).StatusCode);

        var marc = await app.SignedInClientAsync(Personas.Marc);
        Assert.Equal(HttpStatusCode.NotFound, (await marc.GetAsync($"/actualites/{item}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marc.GetAsync($"/actualites/fils/{thread}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marc.GetAsync($"/api/v1/news/threads/{thread}/items", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marc.GetAsync($"/api/v1/news/items/{item}/comments", Ct)).StatusCode);
        Assert.DoesNotContain(thread, (await NewsApp.JsonAsync(await marc.GetAsync("/api/v1/news/threads", Ct), HttpStatusCode.OK)).EnumerateArray().Select(NewsApp.Id));
        // A parent of the class cannot manage it nor create threads.
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        Assert.Equal(HttpStatusCode.NotFound, (await sophie.GetAsync($"/actualites/fils/{thread}/reglages", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sophie.PostAsJsonAsync("/api/v1/news/threads", new { title = "x" }, Ct)).StatusCode);
    }
}

public sealed class SqliteNewsWorkflowTests(SqliteNewsApp app) : NewsWorkflowTests(app), IClassFixture<SqliteNewsApp>;

public sealed class PostgresNewsWorkflowTests(PostgresNewsApp app) : NewsWorkflowTests(app), IClassFixture<PostgresNewsApp>;
