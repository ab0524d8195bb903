using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Platform.Feed;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Feed;

/// <summary>
/// "Quoi de neuf ?" as people see it, filled with test notes published through the platform's
/// FeedPublisher: a parent's feed and home section, Léa's (CE2) and Nina's (maternelle) pupil
/// view, each at 390 and 1280 wide in light and dark, without sideways scrolling or a serious
/// axe-core violation; then hide, mark all read and report in place (script), and the young
/// pupils' "Ça ne va pas" with its plain confirmation.
/// </summary>
public sealed class FeedTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (int Width, ColorScheme Scheme)[] Looks =
        [(Viewports.Phone, ColorScheme.Light), (Viewports.Phone, ColorScheme.Dark), (Viewports.Desktop, ColorScheme.Light), (Viewports.Desktop, ColorScheme.Dark)];

    [Fact]
    public async Task A_parent_s_feed_and_home_section_read_well_on_a_phone_and_a_laptop_in_both_themes()
    {
        await FillFeedAsync(Personas.Sophie,
            "Réunion parents-professeurs le jeudi 2 octobre à 18 h", "Photos de la classe verte", "Menu de la cantine de la semaine",
            "Sortie au musée d’Orsay : l’autorisation de sortie est à signer avant vendredi");
        foreach (var (width, scheme) in Looks)
        {
            var page = await SignedInPageAsync(Personas.Sophie, width, scheme);
            await page.GotoAsync("/fil");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Quoi de neuf\u202f?");
            var items = page.Locator("[data-feed-list] > li[data-event-id]");
            await Expect(items).ToHaveCountAsync(4);
            await Expect(items.First).ToContainTextAsync("Sortie au musée d’Orsay");
            await Expect(items.First.Locator("time")).ToHaveTextAsync("à l’instant");
            await Expect(items.Last.Locator("time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^hier à "));
            await Expect(page.Locator("p[data-feed-unread]")).ToHaveTextAsync("4 éléments non lus");
            await page.CheckAsync($"feed-parent-{width}-{scheme}".ToLowerInvariant(), width, output);

            await page.GotoAsync("/");
            var section = page.GetByRole(AriaRole.Region, new() { Name = "Quoi de neuf\u202f?" });
            await Expect(section.Locator("li[data-event-id]")).ToHaveCountAsync(4);
            await Expect(section.GetByRole(AriaRole.Link, new() { Name = "Tout voir" })).ToHaveAttributeAsync("href", "/fil");
            await page.CheckAsync($"feed-home-parent-{width}-{scheme}".ToLowerInvariant(), width, output);
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Hide_mark_all_read_and_report_happen_in_place()
    {
        var ids = await FillFeedAsync(Personas.Marc, "Kermesse samedi", "Cahier de vie", "Piscine mardi", "Message douteux");
        var page = await SignedInPageAsync(Personas.Marc, Viewports.Desktop, ColorScheme.Light);
        await page.GotoAsync("/fil");
        await page.EvaluateAsync("() => { window.samePage = true; }");
        var items = page.Locator("[data-feed-list] > li[data-event-id]");
        await Expect(items).ToHaveCountAsync(4);

        // Hide: the item goes, the page stays.
        var piscine = items.Filter(new() { HasText = "Piscine mardi" });
        await piscine.Locator("summary").ClickAsync();
        await piscine.GetByRole(AriaRole.Button, new() { Name = "Masquer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("L’élément est masqué");
        await Expect(items).ToHaveCountAsync(3);
        await Expect(page.Locator("p[data-feed-unread]")).ToHaveTextAsync("3 éléments non lus");

        // Mark all read.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tout marquer comme lu" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tout est marqué comme lu.");
        await Expect(page.Locator("li.is-unread")).ToHaveCountAsync(0);
        await Expect(page.Locator("p[data-feed-unread]")).ToHaveTextAsync("Tout est lu.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tout marquer comme lu" })).ToBeHiddenAsync();

        // Report: a dialog with an optional reason.
        var doubtful = items.Filter(new() { HasText = "Message douteux" });
        await doubtful.Locator("summary").ClickAsync();
        await doubtful.GetByRole(AriaRole.Link, new() { Name = "Signaler" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Signaler un élément" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("blockquote")).ToHaveTextAsync("Claire Martin a publié la note « Message douteux »");
        await dialog.GetByLabel("Pourquoi\u202f? (facultatif)").FillAsync("Ce message n’a rien à faire ici");
        await page.CheckAsync("feed-report-dialog-1280", Viewports.Desktop, output);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Signaler" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Merci, l’élément a été signalé aux administrateurs de l’école.");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(dialog).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.samePage === true"), "The page was not reloaded");
        await page.CheckAsync("feed-after-actions-1280", Viewports.Desktop, output);

        var report = await WithDbAsync(db => db.Set<FeedReport>().SingleAsync(r => r.EventId == ids[3], Ct));
        Assert.Equal("Ce message n’a rien à faire ici", report.Reason);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Personas.Lea)]
    [InlineData(Personas.Nina)]
    public async Task A_young_pupil_sees_big_pictures_few_words_and_can_say_something_is_wrong(string login)
    {
        await FillFeedAsync(login, "Poésie à apprendre", "Photos du potager", "Spectacle de Noël");
        foreach (var (width, scheme) in Looks)
        {
            var page = await SignedInPageAsync(login, width, scheme);
            await page.GotoAsync("/fil");
            var items = page.Locator("[data-feed-list] > li[data-event-id]");
            await Expect(items).ToHaveCountAsync(3);
            await Expect(items.First.Locator("[data-feed-words]")).ToHaveTextAsync("Spectacle de Noël");
            await Expect(items.First.GetByRole(AriaRole.Button, new() { Name = "Écouter" })).ToBeVisibleAsync();
            await Expect(page.Locator("p[data-feed-unread]")).ToHaveTextAsync("3 nouveautés");
            await page.CheckAsync($"feed-{login}-{width}-{scheme}".ToLowerInvariant(), width, output);

            await page.GotoAsync("/");
            await Expect(page.Locator("#whats-new li[data-event-id]")).ToHaveCountAsync(3);
            await page.CheckAsync($"feed-home-{login}-{width}-{scheme}".ToLowerInvariant(), width, output);
            await page.Context.CloseAsync();
        }

        var phone = await SignedInPageAsync(login, Viewports.Phone, ColorScheme.Light);
        await phone.GotoAsync("/fil");
        var potager = phone.Locator("li[data-event-id]").Filter(new() { HasText = "Photos du potager" });
        await potager.GetByRole(AriaRole.Link, new() { Name = "Ça ne va pas" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ça ne va pas\u202f?");
        await phone.CheckAsync($"feed-{login}-not-ok-390", Viewports.Phone, output);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Oui, prévenir un adulte" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Merci de l’avoir dit\u202f! Un adulte de l’école va regarder.");
        await Expect(phone.Locator("li[data-event-id]")).ToHaveCountAsync(2);
        await phone.CheckAsync($"feed-{login}-reported-390", Viewports.Phone, output);
        await phone.Context.CloseAsync();
    }

    /// <summary>Publishes test notes by Claire to the person, oldest first: yesterday, this morning, 20 minutes ago, just now.</summary>
    private async Task<List<long>> FillFeedAsync(string login, params string[] titles)
    {
        var person = await WithDbAsync(db => db.Users.Where(u => u.Login == login).Select(u => u.Id).SingleAsync(Ct));
        var claire = await WithDbAsync(db => db.Users.Where(u => u.Login == Personas.Claire).Select(u => u.Id).SingleAsync(Ct));
        TimeSpan[] gaps = [TimeSpan.FromHours(21), TimeSpan.FromHours(2.6), TimeSpan.FromMinutes(20)];
        var ids = new List<long>();
        for (var i = 0; i < titles.Length; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var notice = new FeedNotice(TestNotesModule.NoteFeedType, claire, "tests.note:" + Guid.NewGuid(), "/help",
                new Dictionary<string, string> { ["title"] = titles[i] }) { Users = [person] };
            ids.Add((await scope.ServiceProvider.GetRequiredService<FeedPublisher>().PublishAsync(notice, Ct)).EventId);
            app.Clock.Advance(i < gaps.Length && i < titles.Length - 1 ? gaps[i] : TimeSpan.FromSeconds(5));
        }

        return ids;
    }

    private async Task<IPage> SignedInPageAsync(string login, int width, ColorScheme scheme)
    {
        var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(login, app: app);
        return page;
    }

    private async Task<T> WithDbAsync<T>(Func<PreauDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PreauDbContext>());
    }
}
