using System.Net;
using Preau.Blog;
using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.IntegrationTests.Communication;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Blog;

/// <summary>
/// A post's life in each publishing mode and for each role: on a blog with validation a pupil's
/// post is submitted (the publishers told), never published by the pupil, and a teacher validates
/// it (the readers told) or returns it with a remark; a teacher publishes directly; on a blog
/// without validation the pupil publishes too. Readers never see what is not out.
/// </summary>
public abstract class BlogWorkflowTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pupils_post_waits_for_the_teacher_who_validates_it_and_the_family_is_told()
    {
        var blog = await app.ClassBlogAsync();
        var (lea, claire, sophie) = (await app.MeAsync(Personas.Lea), await app.MeAsync(Personas.Claire), await app.MeAsync(Personas.Sophie));

        var post = await app.WrittenAsync(lea, blog.Id, "La sortie au musée", "<p>Nous avons vu des <strong>dinosaures</strong>.</p>");
        Assert.Equal(PostState.Submitted, post.State);
        Assert.Null(post.FirstPublishedAt);
        Assert.Equal([claire.Id], await app.ToldAsync(BlogFeed.Submitted, BlogFeed.PostKey(post.Id)));

        // The pupil cannot publish it herself, the parent cannot see it, the blog shows nothing yet.
        var refused = await app.PublishAsync(lea, post.Id);
        Assert.True(refused.Found);
        Assert.False(refused.Succeeded);
        Assert.False((await app.PublishAsync(sophie, post.Id)).Found);
        var sophieClient = await app.SignedInClientAsync(Personas.Sophie);
        Assert.Equal(HttpStatusCode.NotFound, (await sophieClient.GetAsync($"/api/v1/blogs/posts/{post.Id}", Ct)).StatusCode);
        Assert.Empty((await app.WithAsync<ReadBlog, PostPage>(r => r.PublishedAsync(blog.Id, null, null, Ct))).Posts);
        Assert.Equal(PostState.Submitted, (await app.PostAsync(post.Id))!.State);

        var validated = await app.PublishAsync(claire, post.Id);
        Assert.True(validated.Succeeded);
        var published = (await app.PostAsync(post.Id))!;
        Assert.Equal(PostState.Published, published.State);
        Assert.Equal(app.Clock.GetUtcNow(), published.FirstPublishedAt);
        Assert.Equal(claire.Id, published.PublishedBy);

        // The submission left Claire's feed; the class's families hear of the post, told by its author.
        Assert.DoesNotContain(claire.Id, await app.ToldAsync(BlogFeed.Submitted, BlogFeed.PostKey(post.Id)));
        var readers = await app.ToldAsync(BlogFeed.Published, BlogFeed.PostKey(post.Id));
        Assert.Contains(sophie.Id, readers);
        Assert.Contains(claire.Id, readers);
        Assert.DoesNotContain(lea.Id, readers);
        Assert.Equal([lea.Id], await app.ToldAsync(BlogFeed.Validated, BlogFeed.ValidatedKey(post.Id)));
        Assert.DoesNotContain(await app.PersonAsync(Personas.Hugo), readers);
        Assert.Equal(HttpStatusCode.OK, (await sophieClient.GetAsync($"/api/v1/blogs/posts/{post.Id}", Ct)).StatusCode);

        // Only its owner deletes the blog; its notices then leave every feed.
        Assert.False((await app.WithAsync<ManageBlogs, Outcome<Done>>(m => m.TrashAsync(lea, blog.Id, Ct))).Found);
        Assert.True((await app.WithAsync<ManageBlogs, Outcome<Done>>(m => m.TrashAsync(claire, blog.Id, Ct))).Succeeded);
        Assert.Empty(await app.ToldAsync(BlogFeed.Published, BlogFeed.PostKey(post.Id)));
        Assert.Empty(await app.ToldAsync(BlogFeed.Validated, BlogFeed.ValidatedKey(post.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await sophieClient.GetAsync($"/api/v1/blogs/posts/{post.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_teacher_publishes_directly_and_returns_a_pupils_post_with_a_remark_that_the_pupil_reworks()
    {
        var blog = await app.ClassBlogAsync();
        var (lea, claire) = (await app.MeAsync(Personas.Lea), await app.MeAsync(Personas.Claire));

        var own = await app.WrittenAsync(claire, blog.Id, "Bienvenue");
        Assert.Equal(PostState.Published, own.State);

        var post = await app.WrittenAsync(lea, blog.Id, "Mon chat");
        var empty = await app.WithAsync<WritePosts, Outcome<PostWritten>>(w => w.ReturnAsync(claire, post.Id, "  ", Ct));
        Assert.Equal([WritePosts.RemarkField], empty.Errors!.Keys);
        var returned = await app.WithAsync<WritePosts, Outcome<PostWritten>>(w => w.ReturnAsync(claire, post.Id, "Ajoute une photo de ton chat !", Ct));
        Assert.True(returned.Succeeded);
        var draft = (await app.PostAsync(post.Id))!;
        Assert.Equal(PostState.Draft, draft.State);
        Assert.Equal("Ajoute une photo de ton chat !", draft.Remark);
        Assert.Equal([lea.Id], await app.ToldAsync(BlogFeed.Returned, BlogFeed.PostKey(post.Id)));

        // Returned, the post is the pupil's draft again: the teacher no longer sees it; the pupil sends it again.
        Assert.False((await app.PublishAsync(claire, post.Id)).Found);
        var resent = await app.WithAsync<WritePosts, Outcome<PostWritten>>(w => w.UpdateAsync(lea, post.Id, "Mon chat Caramel", "<p>Voici Caramel.</p>", PostIntent.Send, Ct));
        Assert.True(resent.Succeeded);
        Assert.Equal(PostState.Submitted, resent.Value!.Post.State);
        Assert.Null(resent.Value.Post.Remark);

        // A publisher's Send on a submitted post validates it, as edited.
        var edited = await app.WithAsync<WritePosts, Outcome<PostWritten>>(w => w.UpdateAsync(claire, post.Id, "Mon chat Caramel", "<p>Voici Caramel, le chat de Léa.</p>", PostIntent.Send, Ct));
        Assert.Equal(PostState.Published, edited.Value!.Post.State);
        Assert.Equal(lea.Id, edited.Value.Post.AuthorId);

        // Once out on a blog with validation, the pupil may no longer change or delete it.
        Assert.False((await app.WithAsync<WritePosts, Outcome<PostWritten>>(w => w.UpdateAsync(lea, post.Id, "Piraté", "<p>x</p>", PostIntent.Save, Ct))).Found);
        Assert.False((await app.WithAsync<WritePosts, Outcome<Done>>(w => w.DeleteAsync(lea, post.Id, Ct))).Found);
    }

    [Fact]
    public async Task On_a_blog_without_validation_the_pupil_publishes_and_the_order_is_the_first_publication()
    {
        var blog = await app.ClassBlogAsync(PublishMode.Immediate);
        var (lea, claire) = (await app.MeAsync(Personas.Lea), await app.MeAsync(Personas.Claire));

        var first = await app.WrittenAsync(lea, blog.Id, "Premier");
        Assert.Equal(PostState.Published, first.State);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await app.WrittenAsync(claire, blog.Id, "Second");

        // Unpublished then published again, the first keeps its place.
        Assert.True((await app.WithAsync<WritePosts, Outcome<PostWritten>>(w => w.UnpublishAsync(claire, first.Id, Ct))).Succeeded);
        Assert.Equal([second.Id], (await app.WithAsync<ReadBlog, PostPage>(r => r.PublishedAsync(blog.Id, null, null, Ct))).Posts.Select(p => p.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await app.PublishAsync(lea, first.Id)).Succeeded);
        Assert.Equal([second.Id, first.Id], (await app.WithAsync<ReadBlog, PostPage>(r => r.PublishedAsync(blog.Id, null, null, Ct))).Posts.Select(p => p.Id));

        // A parent reads but never writes.
        var sophie = await app.MeAsync(Personas.Sophie);
        Assert.False((await app.WriteAsync(sophie, blog.Id, "Intrus")).Found);
    }

    [Fact]
    public async Task The_blog_pages_ten_posts_at_a_time_and_finds_posts_by_their_words()
    {
        var blog = await app.ClassBlogAsync(PublishMode.Immediate);
        var claire = await app.MeAsync(Personas.Claire);
        for (var i = 1; i <= 12; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await app.WrittenAsync(claire, blog.Id, $"Billet {i}", i == 3 ? "<p>La forêt et les écureuils.</p>" : "<p>Un texte.</p>");
        }

        var page = await app.WithAsync<ReadBlog, PostPage>(r => r.PublishedAsync(blog.Id, null, null, Ct));
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"Billet {i}"), page.Posts.Select(p => p.Title));
        var older = await app.WithAsync<ReadBlog, PostPage>(r => r.PublishedAsync(blog.Id, page.Next, null, Ct));
        Assert.Equal(["Billet 2", "Billet 1"], older.Posts.Select(p => p.Title));
        Assert.Null(older.Next);

        var found = await app.WithAsync<ReadBlog, PostPage>(r => r.PublishedAsync(blog.Id, null, "ECUREUILS foret", Ct));
        Assert.Equal(["Billet 3"], found.Posts.Select(p => p.Title));
    }

    [Fact]
    public async Task Comments_wait_for_the_teacher_when_the_blog_says_so_and_the_author_is_told()
    {
        var blog = await app.ClassBlogAsync(PublishMode.Immediate, CommentMode.Validation);
        var (lea, claire, sophie) = (await app.MeAsync(Personas.Lea), await app.MeAsync(Personas.Claire), await app.MeAsync(Personas.Sophie));
        var post = await app.WrittenAsync(lea, blog.Id, "Mon dessin");

        var comment = await app.WithAsync<BlogComments, Outcome<BlogComment>>(c => c.AddAsync(sophie, post.Id, "Magnifique !", Ct));
        Assert.Equal(CommentState.Pending, comment.Value!.State);
        var view = (await app.WithAsync<BlogAccess, BlogView?>(a => a.FindAsync(lea, blog.Id, Ct)))!;
        Assert.Empty(await app.WithAsync<BlogComments, IReadOnlyList<CommentLine>>(c => c.OfAsync(lea, view, post.Id, Ct)));
        Assert.Empty(await app.ToldAsync(BlogFeed.Commented, BlogFeed.CommentedKey(post.Id)));

        // Only a publisher approves; then the author hears of it.
        Assert.False((await app.WithAsync<BlogComments, Outcome<Done>>(c => c.ApproveAsync(lea, comment.Value.Id, Ct))).Found);
        Assert.True((await app.WithAsync<BlogComments, Outcome<Done>>(c => c.ApproveAsync(claire, comment.Value.Id, Ct))).Succeeded);
        Assert.Single(await app.WithAsync<BlogComments, IReadOnlyList<CommentLine>>(c => c.OfAsync(lea, view, post.Id, Ct)));
        Assert.Equal([lea.Id], await app.ToldAsync(BlogFeed.Commented, BlogFeed.CommentedKey(post.Id)));

        // A comment waiting for the teacher, then the post deleted: every notice about them goes.
        var waiting = await app.WithAsync<BlogComments, Outcome<BlogComment>>(c => c.AddAsync(sophie, post.Id, "Encore bravo", Ct));
        Assert.Contains(claire.Id, await app.ToldAsync(BlogFeed.CommentSubmitted, BlogFeed.CommentKey(waiting.Value!.Id)));
        Assert.True((await app.WithAsync<WritePosts, Outcome<Done>>(w => w.DeleteAsync(claire, post.Id, Ct))).Succeeded);
        Assert.Empty(await app.ToldAsync(BlogFeed.CommentSubmitted, BlogFeed.CommentKey(waiting.Value.Id)));
        Assert.Empty(await app.ToldAsync(BlogFeed.Commented, BlogFeed.CommentedKey(post.Id)));
        Assert.Empty(await app.ToldAsync(BlogFeed.Published, BlogFeed.PostKey(post.Id)));

        // Without comments, nobody comments.
        var closed = await app.ClassBlogAsync(PublishMode.Immediate, CommentMode.None);
        var other = await app.WrittenAsync(claire, closed.Id, "Fermé");
        var refused = await app.WithAsync<BlogComments, Outcome<BlogComment>>(c => c.AddAsync(sophie, other.Id, "Bonjour", Ct));
        Assert.Equal([BlogComments.Field], refused.Errors!.Keys);
    }

    [Fact]
    public async Task Someone_outside_the_blog_finds_nothing_and_a_guessed_id_is_not_found()
    {
        var blog = await app.ClassBlogAsync();
        var claire = await app.MeAsync(Personas.Claire);
        var post = await app.WrittenAsync(claire, blog.Id, "Pour la classe");
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        foreach (var path in new[] { $"/blog/{blog.Id}", $"/blog/{blog.Id}/billet/{post.Id}", $"/blog/{blog.Id}/ecrire", $"/blog/{blog.Id}/reglages",
            $"/api/v1/blogs/{blog.Id}", $"/api/v1/blogs/posts/{post.Id}", $"/api/v1/blogs/{Guid.CreateVersion7()}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync(path, Ct)).StatusCode);
        }

        // A parent of the class reads but does not reach the settings or the writing page.
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        Assert.Equal(HttpStatusCode.OK, (await sophie.GetAsync($"/blog/{blog.Id}/billet/{post.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sophie.GetAsync($"/blog/{blog.Id}/reglages", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sophie.GetAsync($"/blog/{blog.Id}/ecrire", Ct)).StatusCode);
    }
}

public sealed class SqliteBlogWorkflowTests(SqliteApp app) : BlogWorkflowTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBlogWorkflowTests(PostgresApp app) : BlogWorkflowTests(app), IClassFixture<PostgresApp>;
