using Microsoft.EntityFrameworkCore;
using Preau.News.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.News.Authorization;

/// <summary>What one person may do in one thread: the rights of its shares, everything for its owner.</summary>
public sealed record ThreadRights(bool Read, bool Contrib, bool Publish, bool Manage, bool Comment, bool Owner)
{
    public static readonly ThreadRights None = new(false, false, false, false, false, false);

    public static readonly ThreadRights All = new(true, true, true, true, true, true);

    /// <summary>Sees every item of the thread, drafts of others included once submitted.</summary>
    public bool Moderates => Publish || Manage;
}

/// <summary>A thread one may at least read, with one's rights on it.</summary>
public sealed record ThreadAccess(NewsThread Thread, ThreadRights Rights);

/// <summary>
/// Every check of the actualités in one place. Rights come from the platform's shares of the
/// thread (<see cref="ThreadType"/>, <see cref="Shares.RightsOnAsync"/>: one query on the shares'
/// key). A thread one may not read does not exist (404).
/// </summary>
public sealed class NewsAccess(PreauDbContext db, Shares shares)
{
    public const string ThreadType = "news.thread";

    public async Task<ThreadAccess?> ThreadAsync(Guid userId, Guid threadId, CancellationToken ct)
    {
        var thread = await db.Set<NewsThread>().FirstOrDefaultAsync(t => t.Id == threadId && t.DeletedAt == null, ct);
        if (thread is null)
        {
            return null;
        }

        var rights = await RightsAsync(userId, thread, ct);
        return rights.Read ? new ThreadAccess(thread, rights) : null;
    }

    public async Task<ThreadRights> RightsAsync(Guid userId, NewsThread thread, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return thread.OwnerId == userId ? ThreadRights.All : Of(await shares.RightsOnAsync(userId, ThreadType, thread.Id, thread.OwnerId, ct));
    }

    /// <summary>The rights these keys name (a share's, or several shares' together).</summary>
    public static ThreadRights Of(IReadOnlyCollection<string> rights)
    {
        ArgumentNullException.ThrowIfNull(rights);
        bool Has(ShareRight right) => rights.Contains(right.Key);
        return new ThreadRights(Has(ShareRight.Read), Has(ShareRight.Contrib), Has(ShareRight.Publish), Has(ShareRight.Manage), Has(ShareRight.Comment), false);
    }

    /// <summary>An item one may see, with its thread and one's rights; null (404) otherwise.</summary>
    public async Task<(NewsItem Item, ThreadAccess Access)?> ItemAsync(Guid userId, Guid itemId, DateTimeOffset now, CancellationToken ct)
    {
        var item = await db.Set<NewsItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.State != NewsState.Trashed, ct);
        if (item is null || await ThreadAsync(userId, item.ThreadId, ct) is not { } access)
        {
            return null;
        }

        return CanSee(item, access.Rights, userId, now) ? (item, access) : null;
    }

    /// <summary>
    /// Readers see published items from their publication to their expiry; the author sees their
    /// own; publishers and managers see everything (an unpublished item goes back to its author's drafts).
    /// </summary>
    public static bool CanSee(NewsItem item, ThreadRights rights, Guid userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(rights);
        return item.State != NewsState.Trashed && (item.IsVisibleAt(now)
            || (item.AuthorId == userId && (rights.Contrib || rights.Moderates))
            || rights.Moderates);
    }

    /// <summary>Its author changes a draft or a submitted item (not once published); publishers change any.</summary>
    public static bool CanEdit(NewsItem item, ThreadRights rights, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(rights);
        return item.State != NewsState.Trashed && (rights.Publish
            || (rights.Contrib && item.AuthorId == userId && item.State is NewsState.Draft or NewsState.Submitted));
    }
}

/// <summary>Names a thread for the sharing service (and its owner); a deleted one is not shareable.</summary>
internal sealed class ThreadShareResolver(PreauDbContext db) : IShareResolver
{
    public async Task<ShareableResource?> FindAsync(Guid resourceId, CancellationToken ct) =>
        await db.Set<NewsThread>().AsNoTracking().Where(t => t.Id == resourceId && t.DeletedAt == null)
            .Select(t => new ShareableResource(t.Title, t.OwnerId)).FirstOrDefaultAsync(ct);
}
