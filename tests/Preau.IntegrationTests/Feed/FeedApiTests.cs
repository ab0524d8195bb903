using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.Platform.Feed;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// /api/v1/feed: the caller's own items, newest first, by cursor and application; the capped
/// unread count; read, read-all, hide and report; 404 for an id that is not the caller's, and
/// problem details on bad input.
/// </summary>
public abstract class FeedApiTests(FeedPagesApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> NoteToAsync(string title, Guid user, string type = TestNotesModule.NoteFeedType) =>
        (await app.PublishAsync(FeedData.Note(await app.PersonAsync(Personas.Claire), title, users: [user]) with { Type = type })).EventId;

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}.");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("eventId").GetInt64())];

    [Fact]
    public async Task The_feed_pages_by_cursor_newest_first_and_filters_by_application()
    {
        var karim = await app.PersonAsync(Personas.Karim);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await NoteToAsync("Note " + i, karim));
        }

        var post = await NoteToAsync("Billet", karim, FeedPagesApp.BlogPostType);
        var client = await app.SignedInClientAsync(Personas.Karim);

        var first = await JsonAsync(client, "/api/v1/feed?size=4");
        Assert.Equal([post, ids[4], ids[3], ids[2]], Ids(first));
        var item = first.GetProperty("items")[1];
        Assert.Equal("Claire Martin a publié la note « Note 4 »", item.GetProperty("text").GetString());
        Assert.Equal("Note 4", item.GetProperty("shortText").GetString());
        Assert.Equal("tests", item.GetProperty("app").GetString());
        Assert.Equal("/tests/notes", item.GetProperty("link").GetString());
        Assert.Equal("Claire Martin", item.GetProperty("actorName").GetString());
        Assert.True(item.GetProperty("unread").GetBoolean());
        var next = first.GetProperty("nextBefore").GetInt64();
        Assert.Equal(ids[2], next);

        var second = await JsonAsync(client, $"/api/v1/feed?size=4&before={next}");
        Assert.Equal([ids[1], ids[0]], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextBefore").ValueKind);

        Assert.Equal([post, ids[4]], Ids(await JsonAsync(client, $"/api/v1/feed?after={ids[3]}")));
        Assert.Equal([post], Ids(await JsonAsync(client, "/api/v1/feed?app=journal")));
        Assert.DoesNotContain(post, Ids(await JsonAsync(client, "/api/v1/feed?app=tests")));
    }

    [Theory]
    [InlineData("size=0", "size")]
    [InlineData("size=51", "size")]
    [InlineData("app=nope", "app")]
    [InlineData("before=0", "before")]
    [InlineData("after=-1", "after")]
    public async Task Bad_input_answers_problem_details(string query, string field)
    {
        var client = await app.SignedInClientAsync(Personas.Paul);
        var response = await client.GetAsync("/api/v1/feed?" + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Read_read_all_and_the_unread_count_follow_each_other()
    {
        var sophie = await app.PersonAsync(Personas.Sophie);
        await app.WithFeedAsync(f => f.MarkAllReadAsync(sophie, Ct));
        var a = await NoteToAsync("Un", sophie);
        await NoteToAsync("Deux", sophie);
        await NoteToAsync("Trois", sophie);
        var client = await app.SignedInClientAsync(Personas.Sophie);

        var unread = await JsonAsync(client, "/api/v1/feed/unread");
        Assert.Equal(3, unread.GetProperty("count").GetInt32());
        Assert.False(unread.GetProperty("overCap").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/feed/{a}/read", null, Ct)).StatusCode);
        Assert.Equal(2, (await JsonAsync(client, "/api/v1/feed/unread")).GetProperty("count").GetInt32());
        Assert.False((await JsonAsync(client, "/api/v1/feed")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("eventId").GetInt64() == a).GetProperty("unread").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/feed/read-all", null, Ct)).StatusCode);
        Assert.Equal(0, (await JsonAsync(client, "/api/v1/feed/unread")).GetProperty("count").GetInt32());

        for (var i = 0; i < 100; i++)
        {
            await NoteToAsync("Encore " + i, sophie);
        }

        unread = await JsonAsync(client, "/api/v1/feed/unread");
        Assert.Equal(99, unread.GetProperty("count").GetInt32());
        Assert.True(unread.GetProperty("overCap").GetBoolean());
    }

    [Fact]
    public async Task Hide_and_report_take_the_item_away_and_the_report_reaches_the_moderators()
    {
        var marc = await app.PersonAsync(Personas.Marc);
        var hidden = await NoteToAsync("À masquer", marc);
        var reported = await NoteToAsync("À signaler", marc);
        var client = await app.SignedInClientAsync(Personas.Marc);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/feed/{hidden}/hide", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/feed/{hidden}/hide", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/feed/{hidden}/read", null, Ct)).StatusCode);

        var tooLong = await client.PostAsJsonAsync($"/api/v1/feed/{reported}/report", new { reason = new string('x', 501) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("reason", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/feed/{reported}/report", new { reason = "Pas pour moi" }, Ct)).StatusCode);
        var ids = Ids(await JsonAsync(client, "/api/v1/feed?size=50"));
        Assert.DoesNotContain(hidden, ids);
        Assert.DoesNotContain(reported, ids);
        var report = await app.WithDbAsync(db => db.Set<FeedReport>().SingleAsync(r => r.EventId == reported, Ct));
        Assert.Equal((marc, "Pas pour moi", FeedReportDecision.Pending), (report.ReporterId, report.Reason, report.Decision));

        // A report without a body is a report without a reason.
        var bare = await NoteToAsync("Sans raison", marc);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/feed/{bare}/report", null, Ct)).StatusCode);
        Assert.Null((await app.WithDbAsync(db => db.Set<FeedReport>().SingleAsync(r => r.EventId == bare, Ct))).Reason);
    }

    [Fact]
    public async Task An_id_that_is_not_the_caller_s_answers_404()
    {
        var lea = await app.PersonAsync(Personas.Lea);
        var notHis = await NoteToAsync("Pour Léa", lea);
        var hugo = await app.SignedInClientAsync(Personas.Hugo);

        foreach (var action in new[] { "read", "hide", "report" })
        {
            var response = await hugo.PostAsync($"/api/v1/feed/{notHis}/{action}", null, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action} answered {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await hugo.PostAsync("/api/v1/feed/999999999/read", null, Ct)).StatusCode);
        Assert.True(await app.SeesAsync(lea, notHis));
        Assert.True((await app.WithFeedAsync(f => f.PageAsync(lea, new FeedQuery(), Ct))).Items.Single(i => i.EventId == notHis).Unread);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateBrowserlikeClient().GetAsync("/api/v1/feed", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_api_is_described_in_the_openapi_document()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json", Ct);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/feed", "/api/v1/feed/unread", "/api/v1/feed/{id}/read", "/api/v1/feed/read-all", "/api/v1/feed/{id}/hide", "/api/v1/feed/{id}/report" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }
}

public sealed class SqliteFeedApiTests(SqliteFeedPagesApp app) : FeedApiTests(app), IClassFixture<SqliteFeedPagesApp>;

public sealed class PostgresFeedApiTests(PostgresFeedPagesApp app) : FeedApiTests(app), IClassFixture<PostgresFeedPagesApp>;
