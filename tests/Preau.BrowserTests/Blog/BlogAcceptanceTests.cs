using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Blog.Domain;
using Preau.Blog.Features;
using Preau.Platform.Demo;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using ColorScheme = Microsoft.Playwright.ColorScheme;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Blog;

/// <summary>
/// The blog's acceptance, as the people do it: Léa writes a post on her class blog with a photo
/// from the tablet's camera and sees it sent to her teacher; Claire finds it waiting and
/// validates it; Sophie reads it, sees the photo, and comments. Then a post and comments full of
/// script payloads are opened, on the members' page and on the public page, in a real browser
/// where no script may run. At 390 and 1280 wide, light and dark: a screenshot and axe at each screen.
/// </summary>
public sealed class BlogAcceptanceTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task Lea_posts_with_a_photo_claire_validates_sophie_reads_and_comments(int width, ColorScheme scheme)
    {
        var name = $"{width}-{scheme.ToString().ToLowerInvariant()}";
        var blogTitle = $"Le blog des CE2 A ({name})";
        await ClassBlogAsync(blogTitle, PublishMode.Validation, CommentMode.Validation);
        var title = $"Notre potager ({name})";
        var comment = $"Bravo Léa, les tomates sont superbes ! ({name})";
        var publicPage = "";

        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var lea = await context.NewPageAsync();
            await lea.SignInAsync(Personas.Lea, app: app);
            await lea.GotoAsync("/blog");
            await lea.CheckAsync($"blog-lea-list-{name}", width, output);
            await lea.GetByRole(AriaRole.Link, new() { Name = blogTitle }).ClickAsync();
            await lea.GetByRole(AriaRole.Link, new() { Name = "Écrire un billet" }).ClickAsync();
            await Expect(lea.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nouveau billet");
            await lea.GetByLabel("Titre du billet").FillAsync(title);
            await lea.Locator("[contenteditable=true]").First.FillAsync("Nous avons planté des tomates et des radis dans le jardin de l'école.");
            await lea.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "potager.png", MimeType = "image/png", Buffer = DemoFiles.Drawing(5) });
            await lea.CheckAsync($"blog-lea-write-{name}", width, output);
            await lea.GetByRole(AriaRole.Button, new() { Name = "Envoyer à la maîtresse ou au maître" }).ClickAsync();
            await Expect(lea).ToHaveURLAsync(new Regex("/billet/.*fait=envoye"));
            await Expect(lea.GetByRole(AriaRole.Status)).ToContainTextAsync("Envoyé à la maîtresse ou au maître");
            await Expect(lea.Locator(".blog-article img")).ToHaveCountAsync(1);
            await lea.CheckAsync($"blog-lea-sent-{name}", width, output);
        }

        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var claire = await context.NewPageAsync();
            await claire.SignInAsync(Personas.Claire, app: app);
            await claire.GotoAsync("/blog");
            await claire.GetByRole(AriaRole.Link, new() { Name = blogTitle }).ClickAsync();
            var waiting = claire.Locator(".blog-waiting");
            await Expect(waiting).ToContainTextAsync(title);
            await claire.CheckAsync($"blog-claire-home-{name}", width, output);
            await waiting.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(claire.Locator(".blog-state")).ToContainTextAsync("Léa Dubois propose ce billet");
            await claire.CheckAsync($"blog-claire-validate-{name}", width, output);
            await claire.GetByRole(AriaRole.Button, new() { Name = "Publier ce billet" }).ClickAsync();
            await Expect(claire.GetByRole(AriaRole.Status)).ToContainTextAsync("Billet publié.");

            // She opens the blog's public page for the families without an account.
            await claire.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Retour à") }).ClickAsync();
            await claire.GetByRole(AriaRole.Link, new() { Name = "Réglages et partage" }).ClickAsync();
            await claire.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la page publique" }).ClickAsync();
            await Expect(claire.GetByRole(AriaRole.Status)).ToContainTextAsync("La page publique est ouverte.");
            await claire.CheckAsync($"blog-claire-settings-{name}", width, output);
            publicPage = new Uri(await claire.Locator(".blog-public-address a").GetAttributeAsync("href") ?? "", UriKind.Relative).OriginalString;
            await claire.GotoAsync("/blog/nouveau");
            await claire.CheckAsync($"blog-claire-new-{name}", width, output);
        }

        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var sophie = await context.NewPageAsync();
            await sophie.SignInAsync(Personas.Sophie, app: app);
            await sophie.GotoAsync("/blog");
            await sophie.GetByRole(AriaRole.Link, new() { Name = blogTitle }).ClickAsync();
            await sophie.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            var photo = sophie.Locator(".blog-article img");
            await Expect(photo).ToBeVisibleAsync();
            Assert.True(await photo.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The photo is served to the reader.");
            await sophie.GetByLabel("Votre commentaire").FillAsync(comment);
            await sophie.GetByRole(AriaRole.Button, new() { Name = "Commenter" }).ClickAsync();
            await Expect(sophie.GetByRole(AriaRole.Status)).ToContainTextAsync("Commentaire envoyé");
            await Expect(sophie.Locator(".blog-comment.pending")).ToContainTextAsync(comment);
            await sophie.CheckAsync($"blog-sophie-post-{name}", width, output);
        }

        // A family without an account reads the post on the public page: Léa by her first name only, no comment waiting.
        await using (var context = await app.NewContextAsync(width, scheme))
        {
            var visitor = await context.NewPageAsync();
            await visitor.GotoAsync(publicPage);
            await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(visitor.Locator(".blog-article .blog-meta")).ToContainTextAsync("Par Léa,");
            await Expect(visitor.Locator("main")).Not.ToContainTextAsync("Dubois");
            await Expect(visitor.Locator("main")).Not.ToContainTextAsync(comment);
            await visitor.CheckAsync($"blog-public-post-{name}", width, output);
        }
    }

    [Fact]
    public async Task Script_in_a_title_a_body_or_a_comment_never_runs_in_the_browser()
    {
        var (blog, post) = await PostFullOfPayloadsAsync();
        await using var context = await app.NewContextAsync(Viewports.Desktop, ColorScheme.Light);
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.SignInAsync(Personas.Claire, app: app);
        foreach (var path in new[] { BlogLinks.Post(blog.Id, post), BlogLinks.Home(blog.Id), BlogLinks.PublicPost(blog.Slug, post), BlogLinks.PublicHome(blog.Slug) })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // Hovering and focusing every element gives handlers their chance too.
            await page.EvaluateAsync("() => document.querySelectorAll('main *').forEach(e => { e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); e.dispatchEvent(new FocusEvent('focus')); })");
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        }

        Assert.Equal(0, dialogs);
        await page.GotoAsync(BlogLinks.Post(blog.Id, post));
        await page.CheckAsync("blog-xss-post", Viewports.Desktop, output);
    }

    private async Task<(BlogBlog Blog, Guid Post)> PostFullOfPayloadsAsync()
    {
        string[] payloads =
        [
            "<script>window.__xss=1</script>", "<img src=x onerror=\"window.__xss=1\">", "<a href=\"javascript:window.__xss=1\">clic</a>",
            "<svg onload=\"window.__xss=1\"></svg>", "<p style=\"background:url(javascript:window.__xss=1)\">css</p>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss=1\">", "<details open ontoggle=\"window.__xss=1\">d</details>",
            "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>", "\"><img src=x onerror=window.__xss=1>",
        ];
        var blog = await ClassBlogAsync("Blog piégé <script>window.__xss=1</script>", PublishMode.Immediate, CommentMode.Immediate);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var claire = await MeAsync(services, Personas.Claire);
        var sophie = await MeAsync(services, Personas.Sophie);
        var post = (await services.GetRequiredService<WritePosts>().CreateAsync(claire, blog.Id, payloads[0] + payloads[1], "<p>Texte</p>" + string.Concat(payloads), PostIntent.Send, Ct)).Value!.Post;
        foreach (var payload in payloads)
        {
            Assert.True((await services.GetRequiredService<BlogComments>().AddAsync(sophie, post.Id, payload, Ct)).Succeeded);
        }

        Assert.True((await services.GetRequiredService<ManageBlogs>().SetPublicAsync(claire, blog.Id, true, Ct)).Succeeded);
        return (blog, post.Id);
    }

    /// <summary>A class blog of Claire's CE2 A, shared with the class as the blog's page makes it (the tests' city has no demo content).</summary>
    private async Task<BlogBlog> ClassBlogAsync(string title, PublishMode publish, CommentMode comment)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var claire = await MeAsync(scope.ServiceProvider, Personas.Claire);
        var created = await scope.ServiceProvider.GetRequiredService<ManageBlogs>().CreateAsync(claire,
            new BlogSettings(title, "Ce que nous apprenons en classe.", publish, comment), claire.Classes.First(c => c.Name == "CE2 A").Id, Ct);
        Assert.True(created.Succeeded);
        return created.Value!;
    }

    private static async Task<UserContext> MeAsync(IServiceProvider services, string login)
    {
        var db = services.GetRequiredService<PreauDbContext>();
        var id = await db.Users.Where(u => u.Login == login).Select(u => u.Id).SingleAsync(Ct);
        return (await services.GetRequiredService<LoadUserContext>().LoadAsync(id, Ct))!;
    }
}
