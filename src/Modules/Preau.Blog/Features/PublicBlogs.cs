using Microsoft.EntityFrameworkCore;
using Preau.Blog.Domain;
using Preau.Platform.Persistence;

namespace Preau.Blog.Features;

/// <summary>What a public page may show of a blog: no member, no owner, nothing unpublished.</summary>
public sealed record PublicBlog(Guid Id, string Slug, string Title, string Description, Guid? CoverId);

/// <summary>A published post on a public page: authors by their public name only (a pupil's first name).</summary>
public sealed record PublicPost(Guid Id, string Title, string Body, string AuthorName, DateTimeOffset PublishedAt, IReadOnlyList<PublicComment> Comments);

public sealed record PublicComment(string AuthorName, string Body, DateTimeOffset CreatedAt);

/// <summary>
/// The read-only pages of a public blog, for families without an account: the blog's published
/// posts and published comments, authors named without their surname when they are pupils. A blog
/// that is not (or no longer) public, trashed or unknown answers nothing: the page is a 404.
/// </summary>
public sealed class PublicBlogs(PreauDbContext db, ReadBlog read, BlogPeople people)
{
    public async Task<PublicBlog?> FindAsync(string? slug, CancellationToken ct)
    {
        if (!BlogSlugs.IsWellFormed(slug))
        {
            return null;
        }

        return await db.Set<BlogBlog>().AsNoTracking().Where(b => b.Slug == slug && b.IsPublic && b.TrashedAt == null)
            .Select(b => new PublicBlog(b.Id, b.Slug, b.Title, b.Description, b.CoverId)).FirstOrDefaultAsync(ct);
    }

    public Task<PostPage> PageAsync(PublicBlog blog, string? after, string? search, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blog);
        return read.PublishedAsync(blog.Id, after, search, ct);
    }

    public async Task<PublicPost?> PostAsync(PublicBlog blog, Guid postId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(blog);
        var post = await db.Set<BlogPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId && p.BlogId == blog.Id && p.State == PostState.Published, ct);
        if (post is null)
        {
            return null;
        }

        var comments = await db.Set<BlogComment>().AsNoTracking().Where(c => c.PostId == post.Id && c.State == CommentState.Published)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(500).ToListAsync(ct);
        var names = await people.NamesAsync(comments.Select(c => c.AuthorId).Append(post.AuthorId), ct);
        string Name(Guid id) => (names.GetValueOrDefault(id) ?? BlogPeople.Unknown(id)).PublicName;
        return new PublicPost(post.Id, post.Title, post.Body, Name(post.AuthorId), post.FirstPublishedAt!.Value,
            [.. comments.Select(c => new PublicComment(Name(c.AuthorId), c.Body, c.CreatedAt))]);
    }
}
