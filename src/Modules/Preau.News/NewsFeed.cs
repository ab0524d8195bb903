using Microsoft.Extensions.DependencyInjection;
using Preau.News.Authorization;
using Preau.News.Domain;
using Preau.News.Resources;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Sharing;

namespace Preau.News;

/// <summary>
/// What the actualités tell the fil d'actualité: a publication to the thread's readers, a
/// submitted item to its publishers, a comment to the item's author. All are about one item
/// (<see cref="ResourceKey"/>), so trashing it withdraws them together.
/// </summary>
public sealed class NewsFeed(Shares shares, FeedPublisher publisher)
{
    public const string Published = "news.published";
    public const string Submitted = "news.submitted";
    public const string Commented = "news.comment";

    public static string ResourceKey(Guid itemId) => $"news.item:{itemId}";

    public static string Link(Guid itemId) => $"{NewsModule.Url}/{itemId}";

    internal static IServiceCollection AddNewsFeed(IServiceCollection services)
    {
        services.AddFeedType(new FeedType(Published, NewsModule.App, "news", typeof(NewsStrings), "Feed.Published.Label", "Feed.Published.Text", "Feed.Published.Short")
        {
            Defaults = new Dictionary<Profile, FeedChannel> { [Profile.Relative] = FeedChannel.Daily },
            PushByDefault = true,
        });
        services.AddFeedType(new FeedType(Submitted, NewsModule.App, "news", typeof(NewsStrings), "Feed.Submitted.Label", "Feed.Submitted.Text", "Feed.Submitted.Short"));
        services.AddFeedType(new FeedType(Commented, NewsModule.App, "news", typeof(NewsStrings), "Feed.Comment.Label", "Feed.Comment.Text", "Feed.Comment.Short"));
        services.AddScoped<NewsFeed>();
        return services;
    }

    /// <summary>To everyone the thread is shared with to read (people and groups, later members too) and its owner.</summary>
    public async Task PublishedAsync(NewsThread thread, NewsItem item, Guid? actorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(item);
        var (users, groups) = await shares.HoldersAsync(NewsAccess.ThreadType, thread.Id, ShareRight.Read.Key, ct);
        await publisher.PublishAsync(new FeedNotice(Published, actorId, ResourceKey(item.Id), Link(item.Id), Values(thread, item))
        {
            Users = [.. users, thread.OwnerId],
            Groups = groups,
            StructureId = thread.StructureId,
            ReachesLaterMembers = true,
        }, ct);
    }

    /// <summary>To those who may publish in the thread: its owner and the holders of publish.</summary>
    public async Task SubmittedAsync(NewsThread thread, NewsItem item, Guid actorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(item);
        var (users, groups) = await shares.HoldersAsync(NewsAccess.ThreadType, thread.Id, ShareRight.Publish.Key, ct);
        await publisher.PublishAsync(new FeedNotice(Submitted, actorId, ResourceKey(item.Id), Link(item.Id), Values(thread, item))
        {
            Users = [.. users, thread.OwnerId],
            Groups = groups,
            StructureId = thread.StructureId,
        }, ct);
    }

    /// <summary>To the item's author, unless they wrote the comment.</summary>
    public async Task CommentedAsync(NewsThread thread, NewsItem item, Guid commenterId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(item);
        if (commenterId != item.AuthorId)
        {
            await publisher.PublishAsync(new FeedNotice(Commented, commenterId, ResourceKey(item.Id), Link(item.Id) + "#commentaires", Values(thread, item))
            {
                Users = [item.AuthorId],
                StructureId = thread.StructureId,
            }, ct);
        }
    }

    /// <summary>Takes back every notification about the item (trashed, unpublished).</summary>
    public Task WithdrawAsync(Guid itemId, CancellationToken ct) => publisher.WithdrawAsync(ResourceKey(itemId), ct);

    private static Dictionary<string, string> Values(NewsThread thread, NewsItem item) =>
        new(StringComparer.Ordinal) { ["title"] = item.Title, ["thread"] = thread.Title };
}
