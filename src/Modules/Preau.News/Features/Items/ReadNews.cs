using Microsoft.EntityFrameworkCore;
using Preau.News.Authorization;
using Preau.News.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.News.Features.Items;

/// <summary>Where an item stands for the people who see it: the stored state with the dates read.</summary>
public enum ItemStatus
{
    Draft,
    Submitted,
    Scheduled,
    Published,
    Expired,
}

/// <summary>An item as lists and its page show it, with what the caller may do with it.</summary>
public sealed record ItemView(Guid Id, Guid ThreadId, string ThreadTitle, string Title, string Body, string Preview, ItemStatus Status, bool Headline,
    DateTimeOffset? PublishAt, DateTimeOffset? ExpireAt, DateTimeOffset? FirstPublishedAt, Guid AuthorId, string AuthorName, DateTimeOffset UpdatedAt,
    bool CanEdit, bool CanSubmit, bool CanPublish, bool CanUnpublish)
{
    /// <summary>When it shows (or showed, or will show) to its readers; its last change for a draft.</summary>
    public DateTimeOffset Date => PublishAt ?? UpdatedAt;
}

/// <summary>A thread's items the caller may see, newest first: readers the current ones, authors and publishers more.</summary>
public sealed class ReadNews(PreauDbContext db, NewsAccess access, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<ItemView>?> ListAsync(UserContext me, Guid threadId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (await access.ThreadAsync(me.Id, threadId, ct) is not { } a)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var items = db.Set<NewsItem>().AsNoTracking().Where(i => i.ThreadId == threadId && i.State != NewsState.Trashed);
        items = a.Rights.Moderates ? items : items.Where(i => (i.State == NewsState.Published && (i.PublishAt == null || i.PublishAt <= now) && (i.ExpireAt == null || i.ExpireAt > now))
                || (i.AuthorId == me.Id && a.Rights.Contrib));
        var rows = await items.OrderByDescending(i => i.PublishAt ?? i.UpdatedAt).ThenByDescending(i => i.Id).Take(PageSize)
            .Join(db.Users, i => i.AuthorId, u => u.Id, (i, u) => new { Item = i, u.DisplayName })
            .ToListAsync(ct);
        return [.. rows.Select(r => View(r.Item, a, r.DisplayName, me.Id, now)).OrderByDescending(v => v.Date).ThenByDescending(v => v.Id)];
    }

    public async Task<ItemView?> GetAsync(UserContext me, Guid itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var now = clock.GetUtcNow();
        if (await access.ItemAsync(me.Id, itemId, now, ct) is not var (item, a))
        {
            return null;
        }

        var author = await db.Users.Where(u => u.Id == item.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return View(item, a, author, me.Id, now);
    }

    public static ItemStatus StatusOf(NewsItem item, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.State switch
        {
            NewsState.Draft => ItemStatus.Draft,
            NewsState.Submitted => ItemStatus.Submitted,
            _ when item.PublishAt > now => ItemStatus.Scheduled,
            _ when item.ExpireAt <= now => ItemStatus.Expired,
            _ => ItemStatus.Published,
        };
    }

    internal static ItemView View(NewsItem i, ThreadAccess a, string authorName, Guid me, DateTimeOffset now)
    {
        var rights = a.Rights;
        var editable = NewsAccess.CanEdit(i, rights, me);
        return new ItemView(i.Id, i.ThreadId, a.Thread.Title, i.Title, i.Body, i.Preview, StatusOf(i, now), i.Headline, i.PublishAt, i.ExpireAt, i.FirstPublishedAt,
            i.AuthorId, authorName, i.UpdatedAt, editable,
            CanSubmit: i.State == NewsState.Draft && i.AuthorId == me && !rights.Publish,
            CanPublish: rights.Publish && i.State is NewsState.Draft or NewsState.Submitted,
            CanUnpublish: rights.Publish && i.State == NewsState.Published);
    }
}
