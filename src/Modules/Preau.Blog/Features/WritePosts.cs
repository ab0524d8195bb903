using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Preau.Blog.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.RichText;
using Preau.Platform.Sharing;

namespace Preau.Blog.Features;

/// <summary>What the writer asks for: keep a draft, or send (publish when they may, else submit for validation).</summary>
public enum PostIntent
{
    Save,
    Send,
}

/// <summary>What became of a post after a write.</summary>
public sealed record PostWritten(BlogPost Post, bool WentOut);

/// <summary>
/// Writes posts and moves them through their states. A contributor keeps drafts and sends: on a
/// blog with validation the post is submitted (the publishers are told), otherwise it is
/// published. A publisher publishes, validates (as is or edited), returns a post with a remark,
/// or unpublishes it. Readers are told of each first publication; an unpublished or deleted post
/// leaves their feed.
/// </summary>
public sealed partial class WritePosts(PreauDbContext db, BlogAccess access, BlogAudience audience, FeedPublisher feed, RichTextSanitizer sanitizer, TimeProvider clock)
{
    public const string TitleField = "Title";
    public const string BodyField = "Body";
    public const string RemarkField = "Remark";

    /// <summary>Pictures, sounds and videos served from the blog's own media only; links to them too.</summary>
    public static readonly RichTextPolicy Body = RichTextPolicy.WithMedia(200_000, BlogMediaStore.Prefix);

    public async Task<Outcome<PostWritten>> CreateAsync(UserContext me, Guid blogId, string? title, string? body, PostIntent intent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var view = await access.FindAsync(me, blogId, ct);
        if (view is not { CanContribute: true })
        {
            return Outcome.NotFound<PostWritten>();
        }

        var now = clock.GetUtcNow();
        var post = new BlogPost { Id = Guid.CreateVersion7(now), BlogId = blogId, AuthorId = me.Id, CreatedAt = now };
        if (Fill(post, title, body) is { } problems)
        {
            return Outcome.Invalid<PostWritten>(problems);
        }

        db.Add(post);
        await KeepMediaAsync(post, ct);
        return await AfterWriteAsync(me, view, post, intent, ct);
    }

    /// <summary>
    /// Changes a post: its author while it is a draft or submitted (or published, on a blog they
    /// publish to directly); a publisher at any state. A publisher's Send on a submitted post validates it.
    /// </summary>
    public async Task<Outcome<PostWritten>> UpdateAsync(UserContext me, Guid postId, string? title, string? body, PostIntent intent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (view, post) = await FindAsync(me, postId, ct);
        if (view is null || post is null || !MayEdit(view, post, me.Id))
        {
            return Outcome.NotFound<PostWritten>();
        }

        if (Fill(post, title, body) is { } problems)
        {
            return Outcome.Invalid<PostWritten>(problems);
        }

        await KeepMediaAsync(post, ct);
        return await AfterWriteAsync(me, view, post, intent, ct);
    }

    /// <summary>A publisher publishes a submitted post (or any draft of the blog they can see) as it is.</summary>
    public async Task<Outcome<PostWritten>> PublishAsync(UserContext me, Guid postId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (view, post) = await FindAsync(me, postId, ct);
        if (view is null || post is null || !BlogAccess.CanSee(view, post, me.Id))
        {
            return Outcome.NotFound<PostWritten>();
        }

        if (!view.PublishesDirectly || (post.AuthorId != me.Id && !view.CanPublish))
        {
            return Outcome.Invalid<PostWritten>("State", "Error.MayNotPublish");
        }

        await PublishAsync(me, view, post, ct);
        return new PostWritten(post, true);
    }

    /// <summary>A publisher gives a submitted post back to its author, as a draft, with a remark the author sees.</summary>
    public async Task<Outcome<PostWritten>> ReturnAsync(UserContext me, Guid postId, string? remark, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (view, post) = await FindAsync(me, postId, ct);
        if (view is not { CanPublish: true } || post is null || post.State != PostState.Submitted)
        {
            return Outcome.NotFound<PostWritten>();
        }

        remark = remark?.Trim();
        if (string.IsNullOrEmpty(remark))
        {
            return Outcome.Invalid<PostWritten>(RemarkField, "Error.RemarkRequired");
        }

        if (remark.Length > BlogPost.RemarkMax)
        {
            return Outcome.Invalid<PostWritten>(RemarkField, "Error.RemarkTooLong");
        }

        post.State = PostState.Draft;
        post.Remark = remark;
        post.SubmittedAt = null;
        post.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await feed.WithdrawAsync(BlogFeed.PostKey(post.Id), ct);
        await feed.PublishAsync(new FeedNotice(BlogFeed.Returned, me.Id, BlogFeed.PostKey(post.Id), BlogLinks.Edit(post.BlogId, post.Id), Values(view, post))
        {
            Users = [post.AuthorId],
            StructureId = view.Blog.StructureId,
        }, ct);
        return new PostWritten(post, false);
    }

    /// <summary>A publisher (or an author who publishes directly) takes a published post back to draft: it leaves the blog and the feeds.</summary>
    public async Task<Outcome<PostWritten>> UnpublishAsync(UserContext me, Guid postId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (view, post) = await FindAsync(me, postId, ct);
        if (view is null || post is null || post.State != PostState.Published || !(view.CanPublish || (post.AuthorId == me.Id && view.PublishesDirectly)))
        {
            return Outcome.NotFound<PostWritten>();
        }

        post.State = PostState.Draft;
        post.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await feed.WithdrawAsync(await FeedKeysAsync(post.Id, ct), ct);
        return new PostWritten(post, false);
    }

    /// <summary>Deletes a post for good: its author (unless it is published on a blog with validation) or a publisher.</summary>
    public async Task<Outcome<Done>> DeleteAsync(UserContext me, Guid postId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (view, post) = await FindAsync(me, postId, ct);
        if (view is null || post is null || !MayEdit(view, post, me.Id))
        {
            return Outcome.NotFound<Done>();
        }

        var keys = await FeedKeysAsync(post.Id, ct);
        db.Remove(post);
        await db.SaveChangesAsync(ct);
        await feed.WithdrawAsync(keys, ct);
        return new Done();
    }

    /// <summary>What the feed holds about a post: its notices and its comments' (a waiting comment's included).</summary>
    private async Task<IReadOnlyCollection<string>> FeedKeysAsync(Guid postId, CancellationToken ct) =>
        BlogFeed.KeysOf([postId], await db.Set<BlogComment>().Where(c => c.PostId == postId).Select(c => c.Id).ToListAsync(ct));

    /// <summary>Whether a person may change a post: a publisher always; its author unless it went out on a blog where they only submit.</summary>
    public static bool MayEdit(BlogView view, BlogPost post, Guid me) =>
        view.CanPublish || (post.AuthorId == me && view.CanContribute && (post.State != PostState.Published || view.PublishesDirectly));

    private async Task<(BlogView? View, BlogPost? Post)> FindAsync(UserContext me, Guid postId, CancellationToken ct)
    {
        var post = await db.Set<BlogPost>().FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null)
        {
            return (null, null);
        }

        var view = await access.FindAsync(me, post.BlogId, ct);
        return view is null || !BlogAccess.CanSee(view, post, me.Id) ? (null, null) : (view, post);
    }

    private IReadOnlyDictionary<string, string[]>? Fill(BlogPost post, string? title, string? body)
    {
        var problems = new Problems();
        title = title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            problems.Add(TitleField, "Error.TitleRequired");
        }
        else if (title.Length > BlogPost.TitleMax)
        {
            problems.Add(TitleField, "Error.TitleTooLong");
        }

        var text = sanitizer.FromPost(body, Body);
        if (text.IsTooLong)
        {
            problems.Add(BodyField, "Error.BodyTooLong");
        }
        else if (text.IsEmpty)
        {
            problems.Add(BodyField, "Error.BodyRequired");
        }

        if (problems.Any)
        {
            return problems.ToDictionary();
        }

        post.Title = title!;
        post.Body = text.Html;
        post.Excerpt = text.Preview(280);
        post.SearchText = Fold(title + " " + text.PlainText);
        post.UpdatedAt = clock.GetUtcNow();
        return null;
    }

    private async Task<Outcome<PostWritten>> AfterWriteAsync(UserContext me, BlogView view, BlogPost post, PostIntent intent, CancellationToken ct)
    {
        if (intent == PostIntent.Save || post.State == PostState.Published)
        {
            await db.SaveChangesAsync(ct);
            return new PostWritten(post, false);
        }

        if (view.PublishesDirectly)
        {
            await PublishAsync(me, view, post, ct);
            return new PostWritten(post, true);
        }

        post.State = PostState.Submitted;
        post.SubmittedAt = clock.GetUtcNow();
        post.Remark = null;
        await db.SaveChangesAsync(ct);
        var notice = new FeedNotice(BlogFeed.Submitted, me.Id, BlogFeed.PostKey(post.Id), BlogLinks.Post(post.BlogId, post.Id), Values(view, post)) { StructureId = view.Blog.StructureId };
        await feed.PublishAsync(await audience.ToHoldersAsync(notice, view.Blog.Id, view.Blog.OwnerId, ShareRight.Publish.Key, ct), ct);
        return new PostWritten(post, false);
    }

    private async Task PublishAsync(UserContext me, BlogView view, BlogPost post, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var first = post.FirstPublishedAt is null;
        post.State = PostState.Published;
        post.FirstPublishedAt ??= now;
        post.PublishedBy = me.Id;
        post.Remark = null;
        post.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        if (first || post.AuthorId != me.Id)
        {
            // The submission's notice leaves the publishers' feeds; the readers hear of the post, told by its author.
            await feed.WithdrawAsync(BlogFeed.PostKey(post.Id), ct);
            var notice = new FeedNotice(BlogFeed.Published, post.AuthorId, BlogFeed.PostKey(post.Id), BlogLinks.Post(post.BlogId, post.Id), Values(view, post))
            {
                StructureId = view.Blog.StructureId,
                ReachesLaterMembers = true,
            };
            await feed.PublishAsync(await audience.ToHoldersAsync(notice, view.Blog.Id, view.Blog.OwnerId, ShareRight.Read.Key, ct), ct);
        }

        if (post.AuthorId != me.Id)
        {
            // The author, who is not told of their own post, hears that it is out.
            await feed.PublishAsync(new FeedNotice(BlogFeed.Validated, me.Id, BlogFeed.ValidatedKey(post.Id), BlogLinks.Post(post.BlogId, post.Id), Values(view, post))
            {
                Users = [post.AuthorId],
                StructureId = view.Blog.StructureId,
            }, ct);
        }
    }

    /// <summary>Which of the blog's media the body shows, kept beside the post (a public page serves only those).</summary>
    private async Task KeepMediaAsync(BlogPost post, CancellationToken ct)
    {
        var shown = MediaIds(post.Body);
        var known = shown.Count == 0 ? [] : await db.Set<BlogMedia>().Where(m => m.BlogId == post.BlogId && shown.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        var current = db.Entry(post).State == EntityState.Added ? [] : await db.Set<BlogPostMedia>().Where(pm => pm.PostId == post.Id).ToListAsync(ct);
        db.RemoveRange(current.Where(pm => !known.Contains(pm.MediaId)));
        db.AddRange(known.Where(id => current.All(pm => pm.MediaId != id)).Select(id => new BlogPostMedia { PostId = post.Id, MediaId = id }));
    }

    internal static List<Guid> MediaIds(string html) =>
        [.. MediaPattern().Matches(html).Select(m => Guid.TryParse(m.Groups[1].Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct()];

    internal static string Fold(string text) => UserSearchName.Fold(text).Replace('-', ' ');

    private static Dictionary<string, string> Values(BlogView view, BlogPost post) => new(StringComparer.Ordinal) { ["title"] = post.Title, ["blog"] = view.Blog.Title };

    [GeneratedRegex(@"/blog/media/([0-9a-fA-F-]{36})", RegexOptions.CultureInvariant)]
    private static partial Regex MediaPattern();
}
