using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Preau.News;
using Preau.News.Domain;
using Preau.Testing;

namespace Preau.IntegrationTests.News;

/// <summary>
/// The actualités' pages and comments: the editor keeps what was typed on a refusal and reads its
/// dates in Paris time; markup in titles, bodies and comments comes back inert; comments in a
/// moderated thread wait for a publisher and then tell the item's author; the API is described.
/// </summary>
public abstract class NewsPagesTests(NewsApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_editor_keeps_what_was_typed_and_schedules_in_Paris_time()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var thread = await app.SchoolThreadAsync(isabelle);
        var editor = $"/actualites/ecrire?fil={thread}";
        await isabelle.GetPageAsync(editor);

        // No title: refused beside its field, the text and dates kept.
        var refused = await isabelle.PostFormAsync("/actualites/ecrire", [("fil", thread.ToString()), ("Title", ""), ("Body", "<p>Texte gardé</p>"),
            ("PublishAt", "2026-09-20T08:30"), ("ExpireAt", ""), ("action", "publier")], editor);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        Assert.NotNull(page.QuerySelector("#title-error"));
        Assert.Contains("Texte gardé", page.QuerySelector("textarea#Body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-09-20T08:30", page.QuerySelector("input#PublishAt")!.GetAttribute("value"));

        var saved = await isabelle.PostFormAsync("/actualites/ecrire", [("fil", thread.ToString()), ("Title", "Rentrée des CP"), ("Body", "<p>Accueil à 8 h 30</p>"),
            ("PublishAt", "2026-09-20T08:30"), ("ExpireAt", ""), ("Headline", "true"), ("action", "publier")], editor);
        var itemPath = saved.RedirectTarget();
        var item = await app.WithDbAsync(db => db.Set<NewsItem>().SingleAsync(i => i.ThreadId == thread, Ct));
        Assert.Equal($"/actualites/{item.Id}", itemPath);
        Assert.Equal(NewsState.Published, item.State);
        Assert.True(item.Headline);
        // 8:30 in Paris in September is 6:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 9, 20, 6, 30, 0, TimeSpan.Zero), item.PublishAt);
        var shown = await isabelle.GetPageAsync(itemPath);
        Assert.NotNull(shown.QuerySelector(".news-status-scheduled"));
    }

    [Fact]
    public async Task Markup_in_titles_bodies_and_comments_comes_back_inert()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var thread = await app.SchoolThreadAsync(isabelle);
        const string title = "<script>alert('titre')</script>";
        var item = await NewsApp.DraftAsync(isabelle, thread, title,
            "<p onclick=\"alert(1)\">Bonjour</p><script>alert(2)</script><img src=\"https://evil.example/x.png\" onerror=\"alert(3)\"><a href=\"javascript:alert(4)\">lien</a>", headline: true);
        await NewsApp.JsonAsync(await isabelle.PostAsync($"/api/v1/news/items/{item}/publish", null, Ct), HttpStatusCode.OK);
        var stored = await app.WithDbAsync(db => db.Set<NewsItem>().SingleAsync(i => i.Id == item, Ct));
        Assert.DoesNotContain("script", stored.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", stored.Body, StringComparison.OrdinalIgnoreCase);

        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        await NewsApp.JsonAsync(await sophie.PostAsJsonAsync($"/api/v1/news/items/{item}/comments", new { body = "<img src=x onerror=alert(5)>" }, Ct), HttpStatusCode.Created);
        var response = await sophie.GetAsync($"/actualites/{item}", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var page = Html.Parse(html);
        Assert.Equal(title, page.TextOf("h1"));
        Assert.Empty(page.QuerySelectorAll("main script, article script"));
        Assert.Empty(page.QuerySelectorAll("[onclick], [onerror]"));
        Assert.Empty(page.QuerySelectorAll(".news-body img"));
        Assert.DoesNotContain("javascript:", page.QuerySelector(".news-body")!.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("<img src=x onerror=alert(5)>", page.TextOf(".news-comment-body"));
        Assert.DoesNotContain("<script>alert('titre')", html, StringComparison.Ordinal);

        await app.ShowJulesFerryAsync(sophie);
        var home = await sophie.GetAsync("/", Ct);
        var homeHtml = await home.Content.ReadAsStringAsync(Ct);
        Assert.Contains(title, Html.Parse(homeHtml).TextOf("#a-la-une"), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert('titre')", homeHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comments_in_a_moderated_thread_wait_for_a_publisher()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var thread = await app.SchoolThreadAsync(isabelle, comments: true, moderated: true);
        var item = await NewsApp.DraftAsync(isabelle, thread, "Fête de l'automne");
        await NewsApp.JsonAsync(await isabelle.PostAsync($"/api/v1/news/items/{item}/publish", null, Ct), HttpStatusCode.OK);

        // Sophie comments from the page: it waits, seen by her and the publishers only.
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var posted = await sophie.PostFormAsync($"/actualites/{item}?handler=Comment", [("Comment", "Je peux aider au stand gâteaux.")], $"/actualites/{item}");
        Assert.Equal($"/actualites/{item}#commentaires", posted.RedirectTarget());
        var mine = await NewsApp.JsonAsync(await sophie.GetAsync($"/api/v1/news/items/{item}/comments", Ct), HttpStatusCode.OK);
        var comment = mine.GetProperty("comments").EnumerateArray().Single();
        Assert.True(comment.GetProperty("pending").GetBoolean());
        var lea = await app.SignedInClientAsync(Personas.Lea);
        Assert.Empty((await NewsApp.JsonAsync(await lea.GetAsync($"/api/v1/news/items/{item}/comments", Ct), HttpStatusCode.OK)).GetProperty("comments").EnumerateArray());
        Assert.Empty(await app.RecipientsAsync(NewsFeed.Commented, item));

        // A reader cannot approve it; the directrice does, and the item's author, she is told then.
        var commentId = NewsApp.Id(comment);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.PostAsync($"/api/v1/news/comments/{commentId}/approve", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.DeleteAsync($"/api/v1/news/comments/{commentId}", Ct)).StatusCode);
        await NewsApp.JsonAsync(await isabelle.PostAsync($"/api/v1/news/comments/{commentId}/approve", null, Ct), HttpStatusCode.OK);
        Assert.Single((await NewsApp.JsonAsync(await lea.GetAsync($"/api/v1/news/items/{item}/comments", Ct), HttpStatusCode.OK)).GetProperty("comments").EnumerateArray());
        Assert.Equal([(await app.UserAsync(Personas.Isabelle)).Id], await app.RecipientsAsync(NewsFeed.Commented, item));

        // Its author deletes it.
        Assert.Equal(HttpStatusCode.NoContent, (await sophie.DeleteAsync($"/api/v1/news/comments/{commentId}", Ct)).StatusCode);
        Assert.Empty((await NewsApp.JsonAsync(await lea.GetAsync($"/api/v1/news/items/{item}/comments", Ct), HttpStatusCode.OK)).GetProperty("comments").EnumerateArray());
    }

    [Fact]
    public async Task Comments_off_refuse_comments()
    {
        var isabelle = await app.SignedInClientAsync(Personas.Isabelle);
        var thread = await app.SchoolThreadAsync(isabelle, comments: false);
        var item = await NewsApp.DraftAsync(isabelle, thread, "Sans commentaires");
        await NewsApp.JsonAsync(await isabelle.PostAsync($"/api/v1/news/items/{item}/publish", null, Ct), HttpStatusCode.OK);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        Assert.Equal(HttpStatusCode.BadRequest, (await sophie.PostAsJsonAsync($"/api/v1/news/items/{item}/comments", new { body = "Bonjour" }, Ct)).StatusCode);
        Assert.Null((await sophie.GetPageAsync($"/actualites/{item}")).QuerySelector("#commentaires"));
    }

    [Fact]
    public async Task The_news_api_is_described_in_openapi()
    {
        var (_, ids) = await OpenApiOperations.DescribedAsync(app, "/api/v1/news", Ct);
        Assert.Equal(["NewsAddComment", "NewsApproveComment", "NewsComments", "NewsCreateItem", "NewsCreateThread", "NewsDeleteComment", "NewsItem", "NewsItems",
            "NewsPublishItem", "NewsSubmitItem", "NewsThreads", "NewsTrashItem", "NewsUnpublishItem", "NewsUpdateItem", "NewsUpdateThread"], ids.Order(StringComparer.Ordinal));
    }
}

public sealed class SqliteNewsPagesTests(SqliteNewsApp app) : NewsPagesTests(app), IClassFixture<SqliteNewsApp>;

public sealed class PostgresNewsPagesTests(PostgresNewsApp app) : NewsPagesTests(app), IClassFixture<PostgresNewsApp>;
