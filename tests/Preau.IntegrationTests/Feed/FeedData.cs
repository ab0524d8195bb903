using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Feed;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>Publishing test notes and reading feeds through the app's own services.</summary>
internal static class FeedData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A test note published by <paramref name="actor"/> to some groups and people.</summary>
    public static FeedNotice Note(Guid? actor, string title, IReadOnlyCollection<Guid>? groups = null, IReadOnlyCollection<Guid>? users = null, string? resource = null) =>
        new(TestNotesModule.NoteFeedType, actor, resource ?? "tests.note:" + Guid.NewGuid(), "/tests/notes", new Dictionary<string, string> { ["title"] = title })
        {
            Groups = groups ?? [],
            Users = users ?? [],
        };

    public static async Task<FeedPublished> PublishAsync(this PreauApp app, FeedNotice notice)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FeedPublisher>().PublishAsync(notice, Ct);
    }

    public static async Task<T> WithFeedAsync<T>(this PreauApp app, Func<FeedReader, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FeedReader>());
    }

    /// <summary>Whether the person's feed (first 50 items) shows the event.</summary>
    public static Task<bool> SeesAsync(this PreauApp app, Guid userId, long eventId) =>
        app.WithFeedAsync(async feed => (await feed.PageAsync(userId, new FeedQuery(Size: 50), Ct)).Items.Any(i => i.EventId == eventId));

    public static Task<int> RecipientCountAsync(this PreauApp app, long eventId) =>
        app.WithDbAsync(db => db.Set<FeedRecipient>().CountAsync(r => r.EventId == eventId, Ct));
}
