using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Feed;
using Preau.Platform.Jobs;
using Preau.Testing;

namespace Preau.IntegrationTests.News;

/// <summary>An application for the actualités' tests: jobs polled often (scheduled publications), with helpers over the API.</summary>
public abstract class NewsApp(DatabaseKind kind) : PreauApp(kind)
{
    public const string JulesFerry = "École élémentaire Jules Ferry";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Jobs:PollInterval"] = "00:00:00.100";
            return settings;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How many scheduled publications ran so far.</summary>
    internal Task<int> PublicationsDoneAsync() =>
        this.WithDbAsync(db => db.Set<Job>().CountAsync(j => j.Kind == Preau.News.Features.Items.WriteNews.JobKind && j.State == JobState.Done, Ct));

    /// <summary>Waits until <paramref name="count"/> scheduled publications ran.</summary>
    internal async Task WaitForPublicationsAsync(int count)
    {
        var until = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (await this.WithDbAsync(db => db.Set<Job>().CountAsync(j => j.Kind == Preau.News.Features.Items.WriteNews.JobKind && j.State == JobState.Done, Ct)) < count)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, "The scheduled publication did not run within 30 s.");
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>Who received a feed event of this type about the item (none when there is none, or it was withdrawn).</summary>
    internal Task<List<Guid>> RecipientsAsync(string type, Guid itemId) => this.WithDbAsync(db =>
        db.Set<FeedEvent>().Where(e => e.Type == type && e.ResourceKey == Preau.News.NewsFeed.ResourceKey(itemId) && e.RemovedAt == null)
            .SelectMany(e => db.Set<FeedRecipient>().Where(r => r.EventId == e.Id).Select(r => r.UserId)).ToListAsync(Ct));

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    /// <summary>A new thread for the whole of Jules Ferry, by its directrice (Isabelle's client).</summary>
    internal async Task<Guid> SchoolThreadAsync(HttpClient isabelle, bool comments = true, bool moderated = false)
    {
        var school = await this.StructureAsync(JulesFerry);
        return Id(await JsonAsync(await isabelle.PostAsJsonAsync("/api/v1/news/threads", new
        {
            title = "École " + Guid.NewGuid().ToString("N")[..6], structureId = school.Id, wholeSchool = true, commentsEnabled = comments, commentsModerated = moderated,
        }, Ct), HttpStatusCode.Created));
    }

    /// <summary>A draft in a thread, with optional dates, through the API.</summary>
    internal static async Task<Guid> DraftAsync(HttpClient client, Guid threadId, string title, string body = "<p>Bonjour</p>", bool headline = false,
        DateTimeOffset? publishAt = null, DateTimeOffset? expireAt = null) =>
        Id(await JsonAsync(await client.PostAsJsonAsync($"/api/v1/news/threads/{threadId}/items", new { title, body, headline, publishAt, expireAt }, Ct), HttpStatusCode.Created));

    /// <summary>Shows Jules Ferry on the person's pages (Sophie has children in two schools).</summary>
    internal async Task ShowJulesFerryAsync(HttpClient client)
    {
        var school = await this.StructureAsync(JulesFerry);
        var response = await client.PostFormAsync("/school", [("structureId", school.Id.ToString()), ("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

public sealed class SqliteNewsApp() : NewsApp(DatabaseKind.Sqlite);

public sealed class PostgresNewsApp() : NewsApp(DatabaseKind.Postgres);
