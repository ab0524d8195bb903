using Microsoft.EntityFrameworkCore;
using Preau.Blog.Domain;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.Blog.Features;

/// <summary>What a blog's creator or manager sets.</summary>
public sealed record BlogSettings(string? Title, string? Description, PublishMode PublishMode, CommentMode CommentMode);

/// <summary>
/// Creates blogs and changes their settings. A class blog is shared at once with its class: the
/// pupils write (with validation by default) and comment, the parents read and comment, the
/// class's teachers publish. Settings and the public page are for the owner and managers.
/// </summary>
public sealed class ManageBlogs(PreauDbContext db, BlogAccess access, UpdateShares updateShares, FeedPublisher feed, TimeProvider clock)
{
    public const string TitleField = "Title";
    public const string DescriptionField = "Description";
    public const string ClassField = "ClassId";

    /// <summary>Creates a blog (the caller holds blog.create, checked by the page or endpoint), for one of the caller's classes or their own.</summary>
    public async Task<Outcome<BlogBlog>> CreateAsync(UserContext me, BlogSettings settings, Guid? classId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = Check(settings);
        var schoolClass = classId is { } id ? me.Classes.FirstOrDefault(c => c.Id == id) : null;
        if (classId is not null && schoolClass is null)
        {
            problems.Add(ClassField, "Error.Class");
        }

        var structureId = schoolClass?.StructureId ?? (me.Structures.Count > 0 ? me.Structures[0].Id : null);
        if (structureId is null)
        {
            problems.Add(TitleField, "Error.NoSchool");
        }

        if (problems.Any)
        {
            return Outcome.Invalid<BlogBlog>(problems.ToDictionary());
        }

        var now = clock.GetUtcNow();
        var blog = new BlogBlog
        {
            Id = Guid.CreateVersion7(now),
            OwnerId = me.Id,
            StructureId = structureId!.Value,
            ClassId = schoolClass?.Id,
            Title = settings.Title!.Trim(),
            Description = settings.Description?.Trim() ?? "",
            PublishMode = settings.PublishMode,
            CommentMode = settings.CommentMode,
            Slug = BlogSlugs.Make(settings.Title),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(blog);
        await db.SaveChangesAsync(ct);
        if (schoolClass is not null)
        {
            await ShareWithClassAsync(me.Id, blog.Id, schoolClass.Id, ct);
        }

        return blog;
    }

    /// <summary>Changes a blog's title, description and modes (owner or manager).</summary>
    public async Task<Outcome<BlogBlog>> UpdateAsync(UserContext me, Guid blogId, BlogSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var view = await access.FindAsync(me, blogId, ct);
        if (view is not { CanManage: true })
        {
            return Outcome.NotFound<BlogBlog>();
        }

        var problems = Check(settings);
        if (problems.Any)
        {
            return Outcome.Invalid<BlogBlog>(problems.ToDictionary());
        }

        var blog = view.Blog;
        blog.Title = settings.Title!.Trim();
        blog.Description = settings.Description?.Trim() ?? "";
        blog.PublishMode = settings.PublishMode;
        blog.CommentMode = settings.CommentMode;
        blog.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return blog;
    }

    /// <summary>Opens or closes the public page (owner or manager). Closed, its address answers 404 at once.</summary>
    public async Task<Outcome<BlogBlog>> SetPublicAsync(UserContext me, Guid blogId, bool isPublic, CancellationToken ct)
    {
        var view = await access.FindAsync(me, blogId, ct);
        if (view is not { CanManage: true })
        {
            return Outcome.NotFound<BlogBlog>();
        }

        view.Blog.IsPublic = isPublic;
        view.Blog.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return view.Blog;
    }

    /// <summary>Sets or removes the cover picture: one of the blog's own pictures.</summary>
    public async Task<Outcome<BlogBlog>> SetCoverAsync(UserContext me, Guid blogId, Guid? mediaId, CancellationToken ct)
    {
        var view = await access.FindAsync(me, blogId, ct);
        if (view is not { CanManage: true })
        {
            return Outcome.NotFound<BlogBlog>();
        }

        if (mediaId is { } id && !await db.Set<BlogMedia>().AnyAsync(m => m.Id == id && m.BlogId == blogId && m.ContentType.StartsWith("image/"), ct))
        {
            return Outcome.Invalid<BlogBlog>("Cover", "Error.Cover");
        }

        view.Blog.CoverId = mediaId;
        view.Blog.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return view.Blog;
    }

    /// <summary>Puts a blog in the trash (its owner only): it leaves every list, its public page and its feed items go.</summary>
    public async Task<Outcome<Done>> TrashAsync(UserContext me, Guid blogId, CancellationToken ct)
    {
        var view = await access.FindAsync(me, blogId, ct);
        if (view is not { IsOwner: true })
        {
            return Outcome.NotFound<Done>();
        }

        view.Blog.TrashedAt = clock.GetUtcNow();
        view.Blog.IsPublic = false;
        await db.SaveChangesAsync(ct);
        var posts = db.Set<BlogPost>().Where(p => p.BlogId == blogId);
        var postIds = await posts.Select(p => p.Id).ToListAsync(ct);
        var commentIds = await db.Set<BlogComment>().Where(c => posts.Any(p => p.Id == c.PostId)).Select(c => c.Id).ToListAsync(ct);
        await feed.WithdrawAsync(BlogFeed.KeysOf(postIds, commentIds), ct);
        return new Done();
    }

    private async Task ShareWithClassAsync(Guid actorId, Guid blogId, Guid classId, CancellationToken ct)
    {
        var groups = await db.Groups.AsNoTracking().Where(g => g.ClassId == classId && g.Kind == GroupKind.Profile)
            .Select(g => new { g.Id, g.Profile }).ToListAsync(ct);
        var changes = new List<ShareChange>();
        foreach (var g in groups)
        {
            IReadOnlyList<string>? rights = g.Profile switch
            {
                Profile.Student => [ShareRight.Contrib.Key, ShareRight.Comment.Key],
                Profile.Relative => [ShareRight.Comment.Key],
                Profile.Teacher => [ShareRight.Contrib.Key, ShareRight.Publish.Key, ShareRight.Comment.Key],
                _ => null,
            };
            if (rights is not null)
            {
                changes.Add(new ShareChange(PrincipalKind.Group, g.Id, rights));
            }
        }

        if (changes.Count > 0)
        {
            await updateShares.HandleAsync(actorId, BlogModule.ShareType, blogId, changes, replace: false, ct);
        }
    }

    private static Problems Check(BlogSettings settings)
    {
        var problems = new Problems();
        var title = settings.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            problems.Add(TitleField, "Error.TitleRequired");
        }
        else if (title.Length > BlogBlog.TitleMax)
        {
            problems.Add(TitleField, "Error.TitleTooLong");
        }

        if ((settings.Description?.Trim().Length ?? 0) > BlogBlog.DescriptionMax)
        {
            problems.Add(DescriptionField, "Error.DescriptionTooLong");
        }

        if (!Enum.IsDefined(settings.PublishMode))
        {
            problems.Add(nameof(BlogSettings.PublishMode), "Error.Mode");
        }

        if (!Enum.IsDefined(settings.CommentMode))
        {
            problems.Add(nameof(BlogSettings.CommentMode), "Error.Mode");
        }

        return problems;
    }
}
