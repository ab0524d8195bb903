using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Preau.Blog.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Theming;

namespace Preau.Blog.Features;

/// <summary>
/// The public pages are the same for every family without an account: they are kept in the output
/// cache (<see cref="AnonymousPageCache"/>: the page of a blog and of a post, not a search), tagged
/// with the blog and the posts they show. Any save of a blog, a post or a comment evicts its tag, so
/// that a post published, unpublished or edited, a comment accepted or removed, a blog renamed,
/// closed or trashed shows (or 404s) at the next request.
/// </summary>
public static class PublicBlogCache
{
    public const string Policy = "blog.public";

    public static AnonymousPageCache CreatePolicy() => new(varyByQuery: ["apres"], skipWhenQuery: ["q"]);

    public static string BlogTag(Guid blogId) => $"blog:{blogId:N}";

    public static string PostTag(Guid postId) => $"blog.post:{postId:N}";

    /// <summary>Tags the page's cached copy with its blog and the posts it shows.</summary>
    public static void Tag(HttpContext http, Guid blogId, IEnumerable<Guid> postIds)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        AnonymousPageCache.Tag(http, BlogTag(blogId));
        foreach (var id in postIds)
        {
            AnonymousPageCache.Tag(http, PostTag(id));
        }
    }
}

/// <summary>Evicts the public pages' copies that a save changes (<see cref="PublicBlogCache"/>).</summary>
public sealed class PublicBlogInvalidation(IOutputCacheStore store) : SaveWatcher<PublicBlogInvalidation.Pending>
{
    public sealed class Pending
    {
        public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);
    }

    protected override void Collect(EntityEntry entry, Func<Pending> pending)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(pending);
        switch (entry.Entity)
        {
            case BlogBlog blog:
                pending().Tags.Add(PublicBlogCache.BlogTag(blog.Id));
                break;
            case BlogPost post:
                pending().Tags.Add(PublicBlogCache.BlogTag(post.BlogId));
                break;
            case BlogComment comment:
                pending().Tags.Add(PublicBlogCache.PostTag(comment.PostId));
                break;
        }
    }

    protected override async ValueTask ApplyAsync(Pending pending, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pending);
        foreach (var tag in pending.Tags)
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }
}
