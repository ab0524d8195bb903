using Microsoft.EntityFrameworkCore;
using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Blog;

/// <summary>Calls the blog's use cases as a person of the demo city, each in its own scope as a request would.</summary>
internal static class BlogData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new blog of Claire's CE2 A (shared with the class as a class blog is), with the modes asked.</summary>
    public static async Task<BlogBlog> ClassBlogAsync(this PreauApp app, PublishMode publish = PublishMode.Validation, CommentMode comment = CommentMode.Validation)
    {
        var claire = await app.MeAsync(Personas.Claire);
        var classId = claire.Classes.First(c => c.Name == "CE2 A").Id;
        var created = await app.WithAsync<ManageBlogs, Outcome<BlogBlog>>(m => m.CreateAsync(claire,
            new BlogSettings("Blog " + Guid.NewGuid().ToString("N")[..8], "Nos découvertes", publish, comment), classId, Ct));
        Assert.True(created.Succeeded);
        return created.Value!;
    }

    public static Task<Outcome<PostWritten>> WriteAsync(this PreauApp app, UserContext me, Guid blogId, string title, string body = "<p>Un texte.</p>", PostIntent intent = PostIntent.Send) =>
        app.WithAsync<WritePosts, Outcome<PostWritten>>(w => w.CreateAsync(me, blogId, title, body, intent, Ct));

    public static async Task<BlogPost> WrittenAsync(this PreauApp app, UserContext me, Guid blogId, string title, string body = "<p>Un texte.</p>", PostIntent intent = PostIntent.Send)
    {
        var outcome = await app.WriteAsync(me, blogId, title, body, intent);
        Assert.True(outcome.Succeeded, outcome.Errors is null ? "not found" : string.Join(", ", outcome.Errors.SelectMany(e => e.Value)));
        return outcome.Value!.Post;
    }

    public static Task<Outcome<PostWritten>> PublishAsync(this PreauApp app, UserContext me, Guid postId) =>
        app.WithAsync<WritePosts, Outcome<PostWritten>>(w => w.PublishAsync(me, postId, Ct));

    public static Task<BlogPost?> PostAsync(this PreauApp app, Guid postId) =>
        app.WithDbAsync(db => db.Set<BlogPost>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, Ct));
}
