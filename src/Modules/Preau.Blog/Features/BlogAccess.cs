using Microsoft.EntityFrameworkCore;
using Preau.Blog.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.Blog.Features;

/// <summary>A blog as one person may use it: the rights they hold on it.</summary>
public sealed record BlogView(BlogBlog Blog, IReadOnlySet<string> Rights, bool IsOwner)
{
    public bool CanRead => Rights.Contains(ShareRight.Read.Key);

    /// <summary>Write posts (submitted for validation when the blog says so).</summary>
    public bool CanContribute => Rights.Contains(ShareRight.Contrib.Key);

    /// <summary>Publish, validate, edit or return anyone's posts; moderate comments.</summary>
    public bool CanPublish => Rights.Contains(ShareRight.Publish.Key);

    public bool CanComment => Rights.Contains(ShareRight.Comment.Key) && Blog.CommentMode != CommentMode.None;

    /// <summary>Settings, shares, the public page.</summary>
    public bool CanManage => Rights.Contains(ShareRight.Manage.Key);

    /// <summary>Whether a post by this person goes out at once (a publisher, or a blog without validation).</summary>
    public bool PublishesDirectly => CanPublish || (CanContribute && Blog.PublishMode == PublishMode.Immediate);
}

/// <summary>
/// The one gate of the blog: a blog someone may read, with what else they may do. A blog that
/// is trashed, unknown or not shared with the person is null, and every page and endpoint answers 404.
/// </summary>
public sealed class BlogAccess(PreauDbContext db, Shares shares)
{
    public async Task<BlogView?> FindAsync(UserContext me, Guid blogId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var blog = await db.Set<BlogBlog>().FirstOrDefaultAsync(b => b.Id == blogId && b.TrashedAt == null, ct);
        if (blog is null)
        {
            return null;
        }

        var rights = await shares.RightsOnAsync(me.Id, BlogModule.ShareType, blog.Id, blog.OwnerId, ct);
        return rights.Contains(ShareRight.Read.Key) ? new BlogView(blog, rights, blog.OwnerId == me.Id) : null;
    }

    /// <summary>Whether a person may see a post of a blog they read: published, or theirs, or waiting for them as a publisher.</summary>
    public static bool CanSee(BlogView view, BlogPost post, Guid me) =>
        post.State == PostState.Published || post.AuthorId == me || (view.CanPublish && post.State == PostState.Submitted);
}

/// <summary>Names a blog for the sharing service; a trashed one is not shareable.</summary>
internal sealed class BlogShareResolver(PreauDbContext db) : IShareResolver
{
    public async Task<ShareableResource?> FindAsync(Guid resourceId, CancellationToken ct) =>
        await db.Set<BlogBlog>().AsNoTracking().Where(b => b.Id == resourceId && b.TrashedAt == null)
            .Select(b => new ShareableResource(b.Title, b.OwnerId)).FirstOrDefaultAsync(ct);
}
