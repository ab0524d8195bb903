using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Demo;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Blog;

/// <summary>
/// A blog's public page: off by default; opened by a teacher, it shows families without an account
/// the published posts and accepted comments only, pupils by their first name, no member list;
/// closed again, its address is a 404 at once. Pictures follow the same rule.
/// </summary>
public abstract class BlogPublicTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_public_page_shows_only_what_is_out_names_pupils_by_first_name_and_closes_at_once()
    {
        var blog = await app.ClassBlogAsync(PublishMode.Validation, CommentMode.Validation);
        var (lea, claire, sophie) = (await app.MeAsync(Personas.Lea), await app.MeAsync(Personas.Claire), await app.MeAsync(Personas.Sophie));
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var address = BlogLinks.PublicHome(blog.Slug);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(address, Ct)).StatusCode);

        // A picture in Léa's validated post, another in her draft.
        var shown = await UploadAsync(lea, blog.Id);
        var hidden = await UploadAsync(lea, blog.Id);
        var published = await app.WrittenAsync(lea, blog.Id, "Le potager", $"<p>Nos tomates poussent.</p><p><img src=\"{shown.Url}\" alt=\"Tomates\"></p>");
        Assert.True((await app.PublishAsync(claire, published.Id)).Succeeded);
        var submitted = await app.WrittenAsync(lea, blog.Id, "Secret du brouillon", $"<p>Pas encore.</p><p><img src=\"{hidden.Url}\" alt=\"\"></p>");
        var accepted = await app.WithAsync<BlogComments, Outcome<BlogComment>>(c => c.AddAsync(sophie, published.Id, "Bravo les jardiniers", Ct));
        Assert.True((await app.WithAsync<BlogComments, Outcome<Done>>(c => c.ApproveAsync(claire, accepted.Value!.Id, Ct))).Succeeded);
        Assert.True((await app.WithAsync<BlogComments, Outcome<BlogComment>>(c => c.AddAsync(sophie, published.Id, "Commentaire en attente", Ct))).Succeeded);

        Assert.True((await app.WithAsync<ManageBlogs, Outcome<BlogBlog>>(m => m.SetPublicAsync(claire, blog.Id, true, Ct))).Succeeded);
        var home = await anonymous.GetAsync(address, Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var homeHtml = WebUtility.HtmlDecode(await home.Content.ReadAsStringAsync(Ct));
        var postHtml = WebUtility.HtmlDecode(await anonymous.GetStringAsync(BlogLinks.PublicPost(blog.Slug, published.Id), Ct));
        foreach (var html in new[] { homeHtml, postHtml })
        {
            Assert.Contains("Le potager", html, StringComparison.Ordinal);
            Assert.Contains("Par Léa,", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Dubois", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Secret du brouillon", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Commentaire en attente", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Martin", html, StringComparison.Ordinal);
            Assert.Contains("noindex", html, StringComparison.Ordinal);
        }

        Assert.Contains("Bravo les jardiniers", postHtml, StringComparison.Ordinal);
        Assert.Contains("Sophie D.", postHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(BlogLinks.PublicPost(blog.Slug, submitted.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(shown.Url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(hidden.Url, Ct)).StatusCode);

        // Closed: the page, its posts and its pictures are gone for people without an account.
        Assert.True((await app.WithAsync<ManageBlogs, Outcome<BlogBlog>>(m => m.SetPublicAsync(claire, blog.Id, false, Ct))).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(address, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(BlogLinks.PublicPost(blog.Slug, published.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(shown.Url, Ct)).StatusCode);

        // Only a manager opens it: a pupil cannot.
        Assert.False((await app.WithAsync<ManageBlogs, Outcome<BlogBlog>>(m => m.SetPublicAsync(lea, blog.Id, true, Ct))).Found);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/b/pas-un-slug-valide!", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_public_page_is_cached_for_visitors_without_an_account_and_follows_every_change_at_once()
    {
        var blog = await app.ClassBlogAsync(PublishMode.Validation, CommentMode.Validation);
        var (lea, claire, sophie) = (await app.MeAsync(Personas.Lea), await app.MeAsync(Personas.Claire), await app.MeAsync(Personas.Sophie));
        var first = await app.WrittenAsync(claire, blog.Id, "Premier billet");
        Assert.True((await app.WithAsync<ManageBlogs, Outcome<BlogBlog>>(m => m.SetPublicAsync(claire, blog.Id, true, Ct))).Succeeded);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var address = BlogLinks.PublicHome(blog.Slug);
        var postAddress = BlogLinks.PublicPost(blog.Slug, first.Id);

        async Task<(bool Cached, string Html)> ReadAsync(HttpClient client, string url)
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), "a page served to everyone sets no cookie");
            return (response.Headers.Age is not null, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        }

        // The second reader gets the stored copy.
        Assert.False((await ReadAsync(anonymous, address)).Cached);
        var again = await ReadAsync(anonymous, address);
        Assert.True(again.Cached);
        Assert.Contains("Premier billet", again.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("__csrf", again.Html, StringComparison.Ordinal);
        Assert.False((await ReadAsync(anonymous, postAddress)).Cached);
        Assert.True((await ReadAsync(anonymous, postAddress)).Cached);

        // A post validated: on the page at the next request.
        var second = await app.WrittenAsync(lea, blog.Id, "Deuxième billet");
        Assert.True((await app.PublishAsync(claire, second.Id)).Succeeded);
        var home = await ReadAsync(anonymous, address);
        Assert.False(home.Cached);
        Assert.Contains("Deuxième billet", home.Html, StringComparison.Ordinal);

        // A comment accepted: on the post's page, and counted on the blog's.
        var comment = await app.WithAsync<BlogComments, Outcome<BlogComment>>(c => c.AddAsync(sophie, first.Id, "Quel beau travail", Ct));
        Assert.DoesNotContain("Quel beau travail", (await ReadAsync(anonymous, postAddress)).Html, StringComparison.Ordinal);
        Assert.True((await app.WithAsync<BlogComments, Outcome<Done>>(c => c.ApproveAsync(claire, comment.Value!.Id, Ct))).Succeeded);
        Assert.Contains("Quel beau travail", (await ReadAsync(anonymous, postAddress)).Html, StringComparison.Ordinal);
        Assert.False((await ReadAsync(anonymous, address)).Cached);

        // Renamed: the new title at once.
        Assert.True((await app.WithAsync<ManageBlogs, Outcome<BlogBlog>>(m => m.UpdateAsync(claire, blog.Id,
            new BlogSettings("Les nouvelles du CE2 A", blog.Description, blog.PublishMode, blog.CommentMode), Ct))).Succeeded);
        Assert.Contains("Les nouvelles du CE2 A", (await ReadAsync(anonymous, address)).Html, StringComparison.Ordinal);

        // A search is one reader's own: never stored. English readers get their own copy.
        await ReadAsync(anonymous, address + "?q=billet");
        Assert.False((await ReadAsync(anonymous, address + "?q=billet")).Cached);
        using (var english = new HttpRequestMessage(HttpMethod.Get, address))
        {
            english.Headers.AcceptLanguage.ParseAdd("en");
            var response = await anonymous.SendAsync(english, Ct);
            Assert.Contains("<html lang=\"en\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Contains("<html lang=\"fr\"", (await ReadAsync(anonymous, address)).Html, StringComparison.Ordinal);

        // Someone signed in sees their own shell, neither served from nor stored in the cache.
        var signedIn = await app.SignedInClientAsync(Personas.Sophie);
        var hers = await signedIn.GetAsync(address, Ct);
        Assert.Null(hers.Headers.Age);
        Assert.Contains("/logout", await hers.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("/logout", (await ReadAsync(anonymous, address)).Html, StringComparison.Ordinal);

        // Unpublished: gone from the page, its own page a 404.
        Assert.True((await app.WithAsync<WritePosts, Outcome<PostWritten>>(w => w.UnpublishAsync(claire, first.Id, Ct))).Succeeded);
        Assert.DoesNotContain("Premier billet", (await ReadAsync(anonymous, address)).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(postAddress, Ct)).StatusCode);

        // Trashed: a 404.
        Assert.True((await app.WithAsync<ManageBlogs, Outcome<Done>>(m => m.TrashAsync(claire, blog.Id, Ct))).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(address, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_language_buttons_of_a_page_without_account_need_no_token_but_a_same_origin_post()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        FormUrlEncodedContent English() => new(new Dictionary<string, string> { ["language"] = "en", ["returnUrl"] = "/login" });

        // Neither token nor proof (a form of another site that hides its origin): refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync("/preferences/language", English(), Ct)).StatusCode);
        using (var crossSite = new HttpRequestMessage(HttpMethod.Post, "/preferences/language") { Content = English() })
        {
            crossSite.Headers.Add("Sec-Fetch-Site", "cross-site");
            Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.SendAsync(crossSite, Ct)).StatusCode);
        }

        using (var otherOrigin = new HttpRequestMessage(HttpMethod.Post, "/preferences/language") { Content = English() })
        {
            otherOrigin.Headers.Add("Origin", "https://ailleurs.example");
            Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.SendAsync(otherOrigin, Ct)).StatusCode);
        }

        using var sameOrigin = new HttpRequestMessage(HttpMethod.Post, "/preferences/language") { Content = English() };
        sameOrigin.Headers.Add("Sec-Fetch-Site", "same-origin");
        var done = await anonymous.SendAsync(sameOrigin, Ct);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/login", done.Headers.Location?.OriginalString);
        Assert.Contains(done.Headers.GetValues("Set-Cookie"), c => c.Contains("uic%3Den", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_runs_a_post_from_draft_to_comment()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var classId = (await app.MeAsync(Personas.Claire)).Classes.First(c => c.Name == "CE2 A").Id;
        var blog = await JsonAsync(await claire.PostAsJsonAsync("/api/v1/blogs", new { title = "Blog API", classId, commentMode = "Immediate" }, Ct), HttpStatusCode.Created);
        var blogId = blog.GetProperty("id").GetGuid();
        Assert.Contains("publish", blog.GetProperty("rights").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Validation", blog.GetProperty("publishMode").GetString());

        var lea = await app.SignedInClientAsync(Personas.Lea);
        var invalid = await lea.PostAsJsonAsync($"/api/v1/blogs/{blogId}/posts", new { title = "", body = "", send = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var post = await JsonAsync(await lea.PostAsJsonAsync($"/api/v1/blogs/{blogId}/posts", new { title = "Par l'API", body = "<p>Bonjour</p>", send = true }, Ct), HttpStatusCode.Created);
        Assert.Equal("Submitted", post.GetProperty("state").GetString());
        var postId = post.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await lea.PostAsync($"/api/v1/blogs/posts/{postId}/publish", null, Ct)).StatusCode);

        var waiting = await JsonAsync(await claire.GetAsync($"/api/v1/blogs/{blogId}/posts/waiting", Ct), HttpStatusCode.OK);
        Assert.Equal([postId], waiting.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        var done = await JsonAsync(await claire.PostAsync($"/api/v1/blogs/posts/{postId}/publish", null, Ct), HttpStatusCode.OK);
        Assert.Equal("Published", done.GetProperty("state").GetString());

        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var list = await JsonAsync(await sophie.GetAsync($"/api/v1/blogs/{blogId}/posts", Ct), HttpStatusCode.OK);
        Assert.Equal("Léa Dubois", list.GetProperty("posts")[0].GetProperty("authorName").GetString());
        var comment = await JsonAsync(await sophie.PostAsJsonAsync($"/api/v1/blogs/posts/{postId}/comments", new { body = "Super" }, Ct), HttpStatusCode.Created);
        Assert.Equal("Published", comment.GetProperty("state").GetString());
        var comments = await JsonAsync(await lea.GetAsync($"/api/v1/blogs/posts/{postId}/comments", Ct), HttpStatusCode.OK);
        Assert.Equal(["Super"], comments.EnumerateArray().Select(c => c.GetProperty("body").GetString()));

        var (_, ids) = await OpenApiOperations.DescribedAsync(app, "/api/v1/blogs", Ct);
        Assert.Contains("BlogPostPublish", ids);
        Assert.Contains("BlogCommentAdd", ids);
    }

    private async Task<MediaUploaded> UploadAsync(UserContext me, Guid blogId)
    {
        var png = DemoFiles.Drawing(7);
        var stored = await app.WithAsync<BlogMediaStore, Outcome<MediaUploaded>>(m => m.UploadAsync(me, blogId, "photo.png", new MemoryStream(png), png.Length, Ct));
        Assert.True(stored.Succeeded);
        return stored.Value!;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public sealed class SqliteBlogPublicTests(SqliteApp app) : BlogPublicTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBlogPublicTests(PostgresApp app) : BlogPublicTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Documents of one's own space join a post through the picker: held by reference, charged to the
/// quota, served by name; a document one may not read is refused with nothing added.
/// </summary>
public abstract class BlogDocumentPickerTests(Preau.IntegrationTests.Documents.DocumentsApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_document_from_ones_space_becomes_a_link_of_the_post_that_the_public_page_serves_by_name()
    {
        var blog = await app.ClassBlogAsync(PublishMode.Immediate);
        var (claire, lea) = (await app.MeAsync(Personas.Claire), await app.MeAsync(Personas.Lea));
        var document = await Preau.IntegrationTests.Documents.DocumentsData.StoredAsync(app, claire, Preau.Documents.Domain.DocFolder.Root, "Programme.pdf",
            System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% programme de la sortie\n"));

        // Léa may not read Claire's document: nothing is added.
        Assert.False((await app.WithAsync<BlogMediaStore, Outcome<IReadOnlyList<MediaUploaded>>>(m => m.AddDocumentsAsync(lea, blog.Id, [document.Id], Ct))).Found);
        var added = await app.WithAsync<BlogMediaStore, Outcome<IReadOnlyList<MediaUploaded>>>(m => m.AddDocumentsAsync(claire, blog.Id, [document.Id], Ct));
        Assert.True(added.Succeeded);
        var link = Assert.Single(added.Value!);
        Assert.Equal("Programme.pdf", link.Name);

        var post = await app.WrittenAsync(claire, blog.Id, "La sortie", $"<p>Le <a href=\"{link.Url}\">programme</a>.</p>");
        Assert.Contains($"href=\"{link.Url}\"", post.Body, StringComparison.Ordinal);
        Assert.True((await app.WithAsync<ManageBlogs, Outcome<BlogBlog>>(m => m.SetPublicAsync(claire, blog.Id, true, Ct))).Succeeded);
        var served = await app.CreateClient().GetAsync(link.Url, Ct);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("Programme.pdf", served.Content.Headers.ContentDisposition?.FileNameStar ?? served.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }
}

public sealed class SqliteBlogDocumentPickerTests(Preau.IntegrationTests.Documents.SqliteDocumentsApp app) : BlogDocumentPickerTests(app), IClassFixture<Preau.IntegrationTests.Documents.SqliteDocumentsApp>;
