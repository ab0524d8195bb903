using Microsoft.EntityFrameworkCore;
using Preau.News.Authorization;
using Preau.News.Domain;
using Preau.News.Features.Home;
using Preau.Platform.Jobs;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.RichText;

namespace Preau.News.Features.Items;

/// <summary>What the editor posts; dates are instants (the page reads them in Paris time).</summary>
public sealed record ItemForm(string? Title, string? Body, DateTimeOffset? PublishAt, DateTimeOffset? ExpireAt, bool Headline);

/// <summary>
/// Writing and moving items along: draft → submitted → published (now, or at a set instant: a job
/// publishes and notifies then) → unpublished back to draft, or trashed. Contributors write and
/// submit their own drafts; publishers publish, unpublish and change any item; every check here.
/// </summary>
public sealed class WriteNews(PreauDbContext db, NewsAccess access, RichTextSanitizer sanitizer, NewsFeed feed, JobQueue jobs,
    HeadlineCache headlines, TimeProvider clock)
{
    public const string JobKind = "news.publish";
    public const string TitleField = "Title";
    public const string BodyField = "Body";
    public const string PublishAtField = "PublishAt";
    public const string ExpireAtField = "ExpireAt";

    /// <summary>Bodies: text formatting and links; no pictures (the module stores no files).</summary>
    public static readonly RichTextPolicy Body = RichTextPolicy.TextOnly(100_000);

    public sealed record PublishJob(Guid ItemId, DateTimeOffset At);

    /// <summary>A new draft in a thread where the caller writes (contrib or publish).</summary>
    public async Task<Outcome<NewsItem>> CreateAsync(UserContext me, Guid threadId, ItemForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (await access.ThreadAsync(me.Id, threadId, ct) is not { } a || !(a.Rights.Contrib || a.Rights.Publish))
        {
            return Outcome.NotFound<NewsItem>();
        }

        var now = clock.GetUtcNow();
        var item = new NewsItem { Id = Guid.CreateVersion7(now), ThreadId = threadId, AuthorId = me.Id, State = NewsState.Draft, CreatedAt = now };
        if (Apply(item, form, now) is { } errors)
        {
            return Outcome.Invalid<NewsItem>(errors);
        }

        db.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>
    /// Changes an item the caller may edit. A published item stays published: a new publication
    /// instant still to come reschedules it (the pending job then finds nothing to do).
    /// </summary>
    public async Task<Outcome<NewsItem>> UpdateAsync(UserContext me, Guid itemId, ItemForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var now = clock.GetUtcNow();
        if (await access.ItemAsync(me.Id, itemId, now, ct) is not var (item, a) || !NewsAccess.CanEdit(item, a.Rights, me.Id))
        {
            return Outcome.NotFound<NewsItem>();
        }

        var wasPublishAt = item.PublishAt;
        var wasVisible = item.State == NewsState.Published && (wasPublishAt is null || wasPublishAt <= now);
        if (Apply(item, form, now) is { } errors)
        {
            return Outcome.Invalid<NewsItem>(errors);
        }

        if (item.State == NewsState.Published)
        {
            // A date to come (re)schedules it; none or a past one keeps a visible item as it was and shows a scheduled one now.
            if (item.PublishAt is null || item.PublishAt <= now)
            {
                item.PublishAt = wasVisible ? wasPublishAt ?? now : now;
            }
        }

        await db.SaveChangesAsync(ct);
        headlines.Forget();
        if (item.State == NewsState.Published)
        {
            await AfterPublishAsync(a.Thread, item, me.Id, notifyNow: !wasVisible && item.PublishAt <= now, ct);
        }

        return item;
    }

    /// <summary>Its author (contributor) sends a draft to the publishers; they are told.</summary>
    public async Task<Outcome<NewsItem>> SubmitAsync(UserContext me, Guid itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (await access.ItemAsync(me.Id, itemId, clock.GetUtcNow(), ct) is not var (item, a) || item.AuthorId != me.Id)
        {
            return Outcome.NotFound<NewsItem>();
        }

        if (item.State != NewsState.Draft)
        {
            return Outcome.Invalid<NewsItem>("State", "Item.Error.NotDraft");
        }

        item.State = NewsState.Submitted;
        item.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await feed.SubmittedAsync(a.Thread, item, me.Id, ct);
        return item;
    }

    /// <summary>
    /// A publisher publishes an item (theirs, or a submitted one): at once when its publication
    /// instant is empty or past, else at that instant. Readers are told when it shows.
    /// </summary>
    public async Task<Outcome<NewsItem>> PublishAsync(UserContext me, Guid itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var now = clock.GetUtcNow();
        if (await access.ItemAsync(me.Id, itemId, now, ct) is not var (item, a) || !a.Rights.Publish)
        {
            return Outcome.NotFound<NewsItem>();
        }

        if (item.State == NewsState.Published)
        {
            return Outcome.Invalid<NewsItem>("State", "Item.Error.AlreadyPublished");
        }

        if (item.ExpireAt is { } expire && expire <= (item.PublishAt is { } p && p > now ? p : now))
        {
            return Outcome.Invalid<NewsItem>(ExpireAtField, "Item.Error.ExpireBeforePublish");
        }

        item.State = NewsState.Published;
        item.PublishedBy = me.Id;
        item.PublishAt = item.PublishAt is { } at && at > now ? at : now;
        item.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        headlines.Forget();
        await AfterPublishAsync(a.Thread, item, me.Id, notifyNow: item.PublishAt <= now, ct);
        return item;
    }

    /// <summary>A publisher takes an item back to draft: it leaves readers' pages and feeds.</summary>
    public async Task<Outcome<NewsItem>> UnpublishAsync(UserContext me, Guid itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var now = clock.GetUtcNow();
        if (await access.ItemAsync(me.Id, itemId, now, ct) is not var (item, a) || !a.Rights.Publish)
        {
            return Outcome.NotFound<NewsItem>();
        }

        if (item.State != NewsState.Published)
        {
            return Outcome.Invalid<NewsItem>("State", "Item.Error.NotPublished");
        }

        item.State = NewsState.Draft;
        if (item.PublishAt <= now)
        {
            item.PublishAt = null;
        }

        item.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        headlines.Forget();
        await feed.WithdrawAsync(item.Id, ct);
        return item;
    }

    /// <summary>Its author trashes their draft or submitted item; publishers trash any. Its notifications go.</summary>
    public async Task<Outcome<Done>> TrashAsync(UserContext me, Guid itemId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var now = clock.GetUtcNow();
        if (await access.ItemAsync(me.Id, itemId, now, ct) is not var (item, a) || !NewsAccess.CanEdit(item, a.Rights, me.Id))
        {
            return Outcome.NotFound<Done>();
        }

        item.State = NewsState.Trashed;
        item.TrashedAt = now;
        item.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        headlines.Forget();
        await feed.WithdrawAsync(item.Id, ct);
        return new Done();
    }

    /// <summary>
    /// The job's part: publishes and notifies an item still scheduled for <paramref name="at"/>;
    /// one changed, rescheduled, unpublished or trashed meanwhile is left alone.
    /// </summary>
    public async Task<bool> ScheduledAsync(Guid itemId, DateTimeOffset at, CancellationToken ct)
    {
        var item = await db.Set<NewsItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.State == NewsState.Published && i.PublishAt == at, ct);
        var thread = item is null ? null : await db.Set<NewsThread>().FirstOrDefaultAsync(t => t.Id == item.ThreadId && t.DeletedAt == null, ct);
        if (item is null || thread is null)
        {
            return false;
        }

        item.FirstPublishedAt ??= at;
        await db.SaveChangesAsync(ct);
        headlines.Forget();
        await feed.PublishedAsync(thread, item, item.PublishedBy, ct);
        return true;
    }

    private async Task AfterPublishAsync(NewsThread thread, NewsItem item, Guid actorId, bool notifyNow, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (item.PublishAt is { } at && at > now)
        {
            await jobs.EnqueueAsync(JobKind, new PublishJob(item.Id, at), at, uniqueKey: $"news:{item.Id}:{at.UtcTicks}", ct: ct);
        }
        else if (notifyNow)
        {
            item.FirstPublishedAt ??= item.PublishAt ?? now;
            await db.SaveChangesAsync(ct);
            await feed.PublishedAsync(thread, item, actorId, ct);
        }
    }

    /// <summary>Checks and copies the form onto the item; the errors (resource keys) by field, or null.</summary>
    private IReadOnlyDictionary<string, string[]>? Apply(NewsItem item, ItemForm form, DateTimeOffset now)
    {
        var problems = new Problems();
        var title = (form.Title ?? "").Trim();
        if (title.Length == 0)
        {
            problems.Add(TitleField, "Item.Error.TitleEmpty");
        }
        else if (title.Length > NewsItem.TitleMax)
        {
            problems.Add(TitleField, "Item.Error.TitleLong");
        }

        var body = sanitizer.FromPost(form.Body, Body);
        if (body.IsTooLong)
        {
            problems.Add(BodyField, "Item.Error.BodyLong");
        }
        else if (body.IsEmpty)
        {
            problems.Add(BodyField, "Item.Error.BodyEmpty");
        }

        if (form.PublishAt is { } publishAt && publishAt > now.AddYears(1))
        {
            problems.Add(PublishAtField, "Item.Error.PublishAtFar");
        }

        if (form.ExpireAt is { } expireAt && (expireAt <= now || expireAt <= (form.PublishAt ?? now)))
        {
            problems.Add(ExpireAtField, "Item.Error.ExpireBeforePublish");
        }

        if (problems.Any)
        {
            return problems.ToDictionary();
        }

        item.Title = title;
        item.Body = body.Html;
        item.Preview = body.Preview(280);
        item.Headline = form.Headline;
        item.ExpireAt = form.ExpireAt;
        item.PublishAt = form.PublishAt;
        item.UpdatedAt = now;
        return null;
    }
}
