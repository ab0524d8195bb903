using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.Platform.Feed;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// The feed as people use it without script: /fil newest first with unread items marked for the
/// eye and the ear, cursor pages and the application filter, opening an item (read, then on to
/// its link), mark all read, hide, report, the live fragment, the home section, and the young
/// pupils' view. Another person's item answers 404 everywhere.
/// </summary>
public abstract class FeedPagesTests(FeedPagesApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<FeedPublished> NoteToAsync(string title, params Guid[] users) =>
        await app.PublishAsync(FeedData.Note(await app.PersonAsync(Personas.Claire), title, users: users));

    private async Task<FeedPublished> BlogPostToAsync(string title, params Guid[] users) =>
        await app.PublishAsync(FeedData.Note(await app.PersonAsync(Personas.Claire), title, users: users) with { Type = FeedPagesApp.BlogPostType, Link = "/blog/1" });

    [Fact]
    public async Task The_feed_lists_the_person_s_items_newest_first_and_opening_one_marks_it_read()
    {
        var marc = await app.PersonAsync(Personas.Marc);
        await app.WithFeedAsync(f => f.MarkAllReadAsync(marc, Ct));
        var older = await NoteToAsync("Réunion de rentrée", marc);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await NoteToAsync("Sortie au musée", marc);
        var client = await app.SignedInClientAsync(Personas.Marc);

        var page = await client.GetPageAsync("/fil");
        Assert.Equal("Quoi de neuf\u202f?", page.TextOf("h1"));
        var items = page.QuerySelectorAll("[data-feed-list] > li[data-event-id]").ToList();
        Assert.Equal([newer.EventId.ToString(CultureInfo.InvariantCulture), older.EventId.ToString(CultureInfo.InvariantCulture)], items.Select(i => i.GetAttribute("data-event-id")).Take(2));
        var first = items[0];
        Assert.Contains("is-unread", first.ClassList);
        Assert.Equal("Non lu\u00a0: Claire Martin a publié la note « Sortie au musée »", first.QuerySelector(".feed-link")!.TextContent.Trim());
        Assert.Equal("/fil/ouvrir/" + newer.EventId, first.QuerySelector(".feed-link")!.GetAttribute("href"));
        Assert.Equal("à l’instant", first.QuerySelector("time")!.TextContent);
        Assert.Equal("il y a 5 min", items[1].QuerySelector("time")!.TextContent);
        Assert.Equal("2 éléments non lus", page.TextOf("p[data-feed-unread]"));

        var open = await client.GetAsync($"/fil/ouvrir/{newer.EventId}", Ct);
        Assert.Equal("/tests/notes", open.RedirectTarget());
        page = await client.GetPageAsync("/fil");
        var opened = page.QuerySelector($"li[data-event-id='{newer.EventId}']")!;
        Assert.DoesNotContain("is-unread", opened.ClassList);
        Assert.Null(opened.QuerySelector("[data-feed-unread-label]"));
        Assert.Equal("1 élément non lu", page.TextOf("p[data-feed-unread]"));
    }

    [Fact]
    public async Task Another_person_s_item_answers_404_to_open_mark_hide_and_report()
    {
        var hugo = await app.PersonAsync(Personas.Hugo);
        var notHis = await NoteToAsync("Pour Léa seulement", await app.PersonAsync(Personas.Lea));
        var client = await app.SignedInClientAsync(Personas.Hugo);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/fil/ouvrir/{notHis.EventId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/fil/signaler/{notHis.EventId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/fil?handler=hide", [("id", notHis.EventId.ToString(CultureInfo.InvariantCulture))], "/fil")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync("/fil?handler=read", [("id", notHis.EventId.ToString(CultureInfo.InvariantCulture))], "/fil")).StatusCode);
        var report = await client.PostFormAsync($"/fil/signaler/{notHis.EventId}", [("reason", "test")], "/fil");
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<FeedReport>().AnyAsync(r => r.EventId == notHis.EventId, Ct)));
        Assert.True(await app.SeesAsync(await app.PersonAsync(Personas.Lea), notHis.EventId), "Léa's item is untouched");
        Assert.False(await app.SeesAsync(hugo, notHis.EventId));
    }

    [Fact]
    public async Task Pages_follow_each_other_by_cursor_and_the_filter_keeps_to_one_application()
    {
        var karim = await app.PersonAsync(Personas.Karim);
        var notes = new List<long>();
        for (var i = 0; i < 23; i++)
        {
            notes.Add((await NoteToAsync("Note " + i, karim)).EventId);
        }

        var post = await BlogPostToAsync("Notre potager", karim);
        var client = await app.SignedInClientAsync(Personas.Karim);

        var first = await client.GetPageAsync("/fil");
        var ids = Ids(first);
        Assert.Equal(20, ids.Count);
        Assert.Equal(post.EventId, ids[0]);
        var older = first.QuerySelector("a[rel=next]")!;
        Assert.Equal("Plus ancien", older.TextContent.Trim());
        Assert.Equal($"/fil?avant={ids[^1]}", older.GetAttribute("href"));

        var second = await client.GetPageAsync(older.GetAttribute("href")!);
        var rest = Ids(second);
        Assert.Equal(4, rest.Count);
        Assert.Empty(ids.Intersect(rest));
        Assert.Equal(notes.Order().Take(4).Reverse(), rest);
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.NotNull(second.QuerySelectorAll(".feed-pager a").SingleOrDefault(a => a.GetAttribute("href") == "/fil"));

        // The filter names each application: by its launcher tile, else by its first type.
        var filters = first.QuerySelectorAll(".feed-filters a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Tout", "/fil"), filters);
        Assert.Contains(("Journal (test)", "/fil?app=journal"), filters);
        Assert.Contains(("Une note de test est publiée", "/fil?app=tests"), filters);
        var blog = await client.GetPageAsync("/fil?app=journal");
        Assert.Equal([post.EventId], Ids(blog));
        Assert.Equal("page", blog.QuerySelector(".feed-filters a[href='/fil?app=journal']")!.GetAttribute("aria-current"));
        Assert.Equal("Journal (test)", blog.QuerySelector("li .feed-app")!.TextContent);

        var onlyNotes = await client.GetPageAsync("/fil?app=tests");
        Assert.DoesNotContain(post.EventId, Ids(onlyNotes));
        Assert.Equal($"/fil?app=tests&avant={Ids(onlyNotes)[^1]}", onlyNotes.QuerySelector("a[rel=next]")!.GetAttribute("href"));

        // An unknown application is not an error on a page: the whole feed shows.
        Assert.Equal(ids, Ids(await client.GetPageAsync("/fil?app=nope")));
    }

    [Fact]
    public async Task Mark_all_read_and_hide_come_back_to_the_page_with_a_confirmation()
    {
        var paul = await app.PersonAsync(Personas.Paul);
        var kept = await NoteToAsync("À garder", paul);
        var hidden = await NoteToAsync("À masquer", paul);
        var client = await app.SignedInClientAsync(Personas.Paul);

        var hide = await client.PostFormAsync("/fil?handler=hide", [("id", hidden.EventId.ToString(CultureInfo.InvariantCulture)), ("returnUrl", "/fil?app=tests")], "/fil");
        Assert.Equal("/fil?app=tests&fait=masque", hide.RedirectTarget());
        var page = await client.GetPageAsync(hide.RedirectTarget());
        Assert.Equal("L’élément est masqué\u00a0: il ne reviendra pas dans votre fil.", page.TextOf("[data-feed-status] .alert"));
        Assert.DoesNotContain(hidden.EventId, Ids(page));
        Assert.Contains(kept.EventId, Ids(page));

        var readAll = await client.PostFormAsync("/fil?handler=readall", [("returnUrl", "/fil")], "/fil");
        Assert.Equal("/fil?fait=tout-lu", readAll.RedirectTarget());
        page = await client.GetPageAsync("/fil?fait=tout-lu");
        Assert.Equal("Tout est marqué comme lu.", page.TextOf("[data-feed-status] .alert"));
        Assert.Empty(page.QuerySelectorAll("li.is-unread"));
        Assert.Equal("Tout est lu.", page.TextOf("p[data-feed-unread]"));
        Assert.Empty(page.QuerySelectorAll("form[data-feed-action='read-all']"));
        Assert.Equal(0, await app.WithFeedAsync(f => f.UnreadCountAsync(paul, Ct)));

        // From the home page's section, forms come back to the home page.
        var fromHome = await client.PostFormAsync("/fil?handler=hide", [("id", kept.EventId.ToString(CultureInfo.InvariantCulture)), ("returnUrl", "/")], "/");
        Assert.Equal("/#whats-new", fromHome.RedirectTarget());
        // Elsewhere is never a destination.
        var other = await NoteToAsync("Encore", paul);
        var away = await client.PostFormAsync("/fil?handler=read", [("id", other.EventId.ToString(CultureInfo.InvariantCulture)), ("returnUrl", "//evil.example/fil")], "/fil");
        Assert.Equal("/fil?fait=lu", away.RedirectTarget());
    }

    [Fact]
    public async Task A_reported_item_leaves_the_reporter_s_feed_only_and_waits_for_the_school_s_moderators()
    {
        var sophie = await app.PersonAsync(Personas.Sophie);
        var marc = await app.PersonAsync(Personas.Marc);
        var published = await NoteToAsync("Texte douteux", sophie, marc);
        var client = await app.SignedInClientAsync(Personas.Sophie);

        var form = await client.GetPageAsync($"/fil/signaler/{published.EventId}");
        Assert.Equal("Signaler un élément", form.TextOf("h1"));
        Assert.Equal("Claire Martin a publié la note « Texte douteux »", form.TextOf(".feed-quote"));
        Assert.NotNull(form.QuerySelector("form[method=post] textarea[name=reason]"));

        var tooLong = await client.PostFormAsync($"/fil/signaler/{published.EventId}", [("reason", new string('x', 501))], $"/fil/signaler/{published.EventId}");
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Equal("La raison tient en 500 caractères au plus.", (await Html.ReadAsync(tooLong)).TextOf(".field-error"));
        Assert.True(await app.SeesAsync(sophie, published.EventId), "Nothing reported on bad input");

        var sent = await client.PostFormAsync($"/fil/signaler/{published.EventId}", [("reason", "Propos blessants")], $"/fil/signaler/{published.EventId}");
        Assert.Equal("/fil?fait=signale", sent.RedirectTarget());
        var page = await client.GetPageAsync("/fil?fait=signale");
        Assert.Equal("Merci, l’élément a été signalé aux administrateurs de l’école.", page.TextOf("[data-feed-status] .alert"));
        Assert.DoesNotContain(published.EventId, Ids(page));
        Assert.True(await app.SeesAsync(marc, published.EventId), "Others still see it until a moderator decides");
        var report = await app.WithDbAsync(db => db.Set<FeedReport>().SingleAsync(r => r.EventId == published.EventId, Ct));
        Assert.Equal(sophie, report.ReporterId);
        Assert.Equal("Propos blessants", report.Reason);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/fil/signaler/{published.EventId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_live_fragment_holds_only_the_items_newer_than_an_id_drawn_as_on_the_page()
    {
        var hugo = await app.PersonAsync(Personas.Hugo);
        var seen = await NoteToAsync("Déjà vu", hugo);
        var client = await app.SignedInClientAsync(Personas.Hugo);
        var page = await client.GetPageAsync("/fil");
        Assert.NotNull(page.QuerySelector($"[data-feed-list] > li[data-event-id='{seen.EventId}']"));

        var note = await NoteToAsync("Tout nouveau", hugo);
        var post = await BlogPostToAsync("Nouvel article", hugo);
        var response = await client.GetAsync($"/fil/elements?apres={seen.EventId}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("<li", html.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        var fragment = Html.Parse("<ul>" + html + "</ul>");
        Assert.Equal([post.EventId, note.EventId], fragment.QuerySelectorAll("li[data-event-id]").Select(li => long.Parse(li.GetAttribute("data-event-id")!, CultureInfo.InvariantCulture)));
        Assert.NotNull(fragment.QuerySelector($"li[data-event-id='{note.EventId}'].is-unread form[action='/fil?handler=hide'] input[name=__csrf]"));

        var filtered = Html.Parse("<ul>" + await client.GetStringAsync($"/fil/elements?apres={seen.EventId}&app=tests", Ct) + "</ul>");
        Assert.Equal([note.EventId], filtered.QuerySelectorAll("li[data-event-id]").Select(li => long.Parse(li.GetAttribute("data-event-id")!, CultureInfo.InvariantCulture)));
        Assert.Empty(Html.Parse("<ul>" + await client.GetStringAsync($"/fil/elements?apres={post.EventId}", Ct) + "</ul>").QuerySelectorAll("li"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/fil/elements?apres=1&app=nope", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_home_page_shows_the_five_newest_items_the_unread_count_and_a_link_to_the_feed()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var isabelle = await app.PersonAsync(Personas.Isabelle);
        var titles = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            titles.Add((await app.PublishAsync(FeedData.Note(isabelle, "Info " + i, users: [claire]))).EventId);
        }

        var client = await app.SignedInClientAsync(Personas.Claire);
        var home = await client.GetPageAsync("/");
        var section = home.QuerySelector("section#whats-new")!;
        Assert.Equal("Quoi de neuf\u202f?", section.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(titles.AsEnumerable().Reverse().Take(5), section.QuerySelectorAll("[data-feed-list] > li[data-event-id]").Select(li => long.Parse(li.GetAttribute("data-event-id")!, CultureInfo.InvariantCulture)));
        Assert.Equal("7 éléments non lus", section.QuerySelector("[data-feed-unread]")!.TextContent);
        Assert.Equal("/fil", section.QuerySelector("a.button")!.GetAttribute("href"));
        Assert.Equal("Tout voir", section.QuerySelector("a.button")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_person_without_items_is_told_kindly_what_will_come()
    {
        var client = await app.SignedInClientAsync(Personas.Admin);
        var page = await client.GetPageAsync("/fil");
        Assert.Empty(page.QuerySelectorAll("[data-feed-list] > li"));
        Assert.NotNull(page.QuerySelector("[data-feed-list][hidden]"));
        Assert.Equal("Rien de nouveau pour l’instant", page.TextOf(".feed-empty-title"));
        var home = await client.GetPageAsync("/");
        Assert.Contains("Rien de nouveau pour l’instant.", home.TextOf("#whats-new [data-feed-empty]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Young_pupils_get_a_big_picture_few_words_read_aloud_and_one_plain_button()
    {
        var lea = await app.PersonAsync(Personas.Lea);
        var published = await NoteToAsync("Poésie", lea);
        var client = await app.SignedInClientAsync(Personas.Lea);

        var page = await client.GetPageAsync("/fil");
        var item = page.QuerySelector($"li[data-event-id='{published.EventId}']")!;
        Assert.Contains("feed-item-kid", item.ClassList);
        Assert.Equal("Poésie", item.QuerySelector("[data-feed-words]")!.TextContent);
        Assert.Equal("Claire Martin a publié la note « Poésie »", item.QuerySelector("button.speak")!.GetAttribute("data-speak"));
        Assert.Null(item.QuerySelector("details.feed-menu"));
        Assert.Null(page.QuerySelector(".feed-filters"));
        var notOk = item.QuerySelector("a.feed-not-ok")!;
        Assert.Equal("Ça ne va pas", notOk.TextContent.Trim());

        var confirm = await client.GetPageAsync(notOk.GetAttribute("href")!);
        Assert.Equal("Ça ne va pas\u202f?", confirm.TextOf("h1"));
        Assert.Null(confirm.QuerySelector("textarea"));
        Assert.Equal("Oui, prévenir un adulte", confirm.TextOf("form.feed-kid-choice button[type=submit]"));
        Assert.Equal("/fil", confirm.QuerySelector("a.button.secondary")!.GetAttribute("href"));
        var sent = await client.PostFormAsync(notOk.GetAttribute("href")!, [], notOk.GetAttribute("href")!);
        var after = await client.GetPageAsync(sent.RedirectTarget());
        Assert.Equal("Merci de l’avoir dit\u202f! Un adulte de l’école va regarder.", after.TextOf("[data-feed-status] .alert p"));
        Assert.False(await app.SeesAsync(lea, published.EventId));

        // Older pupils and adults get the words and the menu.
        var hugo = await app.PersonAsync(Personas.Hugo);
        var forHugo = await NoteToAsync("Exposé", hugo);
        var hugoPage = await (await app.SignedInClientAsync(Personas.Hugo)).GetPageAsync("/fil");
        var hugoItem = hugoPage.QuerySelector($"li[data-event-id='{forHugo.EventId}']")!;
        Assert.DoesNotContain("feed-item-kid", hugoItem.ClassList);
        Assert.NotNull(hugoItem.QuerySelector("details.feed-menu a[data-feed-report]"));
        Assert.Null(hugoItem.QuerySelector("button.speak"));
    }

    private static List<long> Ids(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-feed-list] > li[data-event-id]").Select(li => long.Parse(li.GetAttribute("data-event-id")!, System.Globalization.CultureInfo.InvariantCulture))];
}

public sealed class SqliteFeedPagesTests(SqliteFeedPagesApp app) : FeedPagesTests(app), IClassFixture<SqliteFeedPagesApp>;

public sealed class PostgresFeedPagesTests(PostgresFeedPagesApp app) : FeedPagesTests(app), IClassFixture<PostgresFeedPagesApp>;
