using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Blog;

/// <summary>
/// Script in a title, a body or a comment comes back inert on every page that shows it (members'
/// and public): titles and comments encoded, bodies reduced to the allow-list on save and again on
/// render. The same corpus is loaded in a real browser by the browser tests.
/// </summary>
public abstract class BlogInjectionTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Script tags, event handlers, javascript: URLs, SVG, CSS expressions, mutation-XSS forms.</summary>
    public static readonly string[] Payloads =
    [
        "<script>window.__xss=1</script>",
        "<img src=x onerror=\"window.__xss=1\">",
        "<a href=\"javascript:window.__xss=1\">clic</a>",
        "<a href=\"jav&#x09;ascript:window.__xss=1\">tab</a>",
        "<svg onload=\"window.__xss=1\"><circle r=\"5\"/></svg>",
        "<svg><script>window.__xss=1</script></svg>",
        "<p style=\"background:url(javascript:window.__xss=1);width:expression(window.__xss=1)\">css</p>",
        "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss=1\">",
        "<noscript><p title=\"</noscript><img src=x onerror=window.__xss=1>\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__xss=1>",
        "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>",
        "<details open ontoggle=\"window.__xss=1\">d</details>",
        "\"><script>window.__xss=1</script>",
        "<video><source onerror=\"window.__xss=1\"></video>",
        "<object data=\"data:text/html,<script>parent.__xss=1</script>\"></object>",
    ];

    [Fact]
    public async Task Payloads_in_titles_bodies_and_comments_come_back_inert()
    {
        var blog = await app.ClassBlogAsync(PublishMode.Immediate, CommentMode.Immediate);
        var (claire, sophie) = (await app.MeAsync(Personas.Claire), await app.MeAsync(Personas.Sophie));
        var post = await app.WrittenAsync(claire, blog.Id, Payloads[0] + Payloads[1], "<p>Texte</p>" + string.Concat(Payloads));
        foreach (var payload in Payloads)
        {
            Assert.True((await app.WithAsync<BlogComments, Outcome<BlogComment>>(c => c.AddAsync(sophie, post.Id, payload, Ct))).Succeeded);
        }

        Assert.True((await app.WithAsync<ManageBlogs, Outcome<BlogBlog>>(m => m.SetPublicAsync(claire, blog.Id, true, Ct))).Succeeded);
        var client = await app.SignedInClientAsync(Personas.Claire);
        var anonymous = app.CreateClient();
        foreach (var (who, path) in new[] { (client, BlogLinks.Post(blog.Id, post.Id)), (client, BlogLinks.Home(blog.Id)),
            (anonymous, BlogLinks.PublicPost(blog.Slug, post.Id)), (anonymous, BlogLinks.PublicHome(blog.Slug)) })
        {
            var page = await who.GetPageAsync(path);
            // Only the site's own scripts, by address; no handler, no javascript: address, no foreign markup.
            Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/_content/", s.GetAttribute("src") ?? "inline", StringComparison.Ordinal));
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase) && a.Name is "href" or "src" or "data" or "action");
            Assert.Empty(page.QuerySelectorAll("main svg:not(.icon), main iframe, main object, main embed, main math, main [style], main details, main video source"));
            // The title is shown as the words it is.
            Assert.Contains(page.QuerySelectorAll("h1, h3"), h => h.TextContent.Contains("<script>window.__xss=1</script>", StringComparison.Ordinal));
        }
    }
}

public sealed class SqliteBlogInjectionTests(SqliteApp app) : BlogInjectionTests(app), IClassFixture<SqliteApp>;
