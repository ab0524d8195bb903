using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Platform.Feed;
using Profile = Preau.Platform.Kernel.Profile;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Feed;

/// <summary>
/// Issue 5's acceptance for real time, with two people signed in: Claire (teacher of CE2 A) and
/// Sophie (a parent in CE2 A) with her feed and her home page open. Claire publishes to her class's
/// parents (the test note type, published through the platform's FeedPublisher with Claire as
/// actor, as a module does when she saves); Sophie's pages show the new item and the new count
/// without reload, over the hub's WebSocket, within the strict Content-Security-Policy.
/// </summary>
public sealed class LiveFeedTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_parent_s_open_pages_show_the_teacher_s_new_item_and_count_without_reload()
    {
        await using var teacher = await app.NewContextAsync();
        var claire = await teacher.NewPageAsync();
        await claire.SignInAsync(Personas.Claire);

        await using var parent = await app.NewContextAsync();
        var home = await parent.NewPageAsync();
        var problems = Watch(home);
        var sockets = new List<string>();
        home.WebSocket += (_, socket) => sockets.Add(socket.Url);
        await home.SignInAsync(Personas.Sophie);
        var feed = await parent.NewPageAsync();
        problems.AddRange(Watch(feed));
        await feed.GotoAsync("/fil");

        // Each page has joined its groups on the hub before anything is published.
        foreach (var page in new[] { claire, home, feed })
        {
            await Expect(Bell(page)).ToHaveAttributeAsync("data-feed-live", "connected");
        }

        var before = await UnreadAsync(home);
        var claireBefore = await UnreadAsync(claire);
        await home.EvaluateAsync("() => { window.preauNotReloaded = true; }");
        await feed.EvaluateAsync("() => { window.preauNotReloaded = true; }");

        var published = await PublishToClassParentsAsync(Personas.Claire, "CE2 A", "Réunion de rentrée");

        var expected = before + 1;
        foreach (var page in new[] { home, feed })
        {
            await Expect(Bell(page)).ToHaveAttributeAsync("data-feed-unread", expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = UnreadName(expected) })).ToBeVisibleAsync();
            await Expect(Bell(page).Locator(".badge")).ToHaveTextAsync(expected > 99 ? "99+" : expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var item = feed.Locator($"[data-feed-list] [data-event-id='{published.EventId}']");
        await Expect(item).ToContainTextAsync("Réunion de rentrée");
        await Expect(feed.Locator("[data-feed-list] [data-event-id]").First).ToHaveAttributeAsync("data-event-id", published.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(feed.Locator("[data-feed-announce]")).ToHaveTextAsync("1 nouvel élément dans le fil");

        Assert.True(await home.EvaluateAsync<bool>("() => window.preauNotReloaded === true"), "The home page was reloaded.");
        Assert.True(await feed.EvaluateAsync<bool>("() => window.preauNotReloaded === true"), "The feed page was reloaded.");
        Assert.Contains(sockets, url => url.Contains("/hubs/fil", StringComparison.Ordinal) && url.StartsWith("ws://", StringComparison.Ordinal));
        Assert.Equal(claireBefore, await UnreadAsync(claire)); // the actor is not told of her own event
        Assert.Empty(problems);
        await feed.CheckAsync("live-feed-new-item", Viewports.Desktop, output);
    }

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task The_bell_shows_the_unread_count_in_its_name(int width, ColorScheme scheme)
    {
        await PublishToClassParentsAsync(Personas.Claire, "CE2 A", "Photo de classe");
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Sophie);

        var unread = await UnreadAsync(page);
        Assert.True(unread > 0);
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = UnreadName(unread) })).ToHaveAttributeAsync("href", "/fil");
        await Expect(Bell(page).Locator(".badge")).ToBeVisibleAsync();
        await page.CheckAsync($"live-bell-{width}-{scheme.ToString().ToLowerInvariant()}", width, output);
    }

    private static ILocator Bell(IPage page) => page.Locator("a[data-feed-unread]");

    private static async Task<int> UnreadAsync(IPage page) =>
        int.Parse(await Bell(page).GetAttributeAsync("data-feed-unread") ?? "", System.Globalization.CultureInfo.InvariantCulture);

    private static Regex UnreadName(int count) =>
        new($"^Quoi de neuf\\s\\? {count} non lus?$"); // accessible names fold the narrow no-break space

    /// <summary>Console errors and CSP reports of a page: there must be none.</summary>
    private static List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        return problems;
    }

    /// <summary>The teacher publishes a note to her class's parents, as a module does on her behalf.</summary>
    private async Task<FeedPublished> PublishToClassParentsAsync(string teacher, string className, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var actor = await db.Users.Where(u => u.Login == teacher).Select(u => u.Id).SingleAsync(Ct);
        var parents = await db.Groups.Where(g => g.Kind == Preau.Platform.Directory.Domain.GroupKind.Profile && g.Profile == Profile.Relative && db.Classes.Any(c => c.Id == g.ClassId && c.Name == className))
            .Select(g => g.Id).SingleAsync(Ct);
        var notice = new FeedNotice(TestNotesModule.NoteFeedType, actor, "tests.note:" + Guid.NewGuid(), "/tests/notes",
            new Dictionary<string, string> { ["title"] = title })
        {
            Groups = [parents],
        };
        return await scope.ServiceProvider.GetRequiredService<FeedPublisher>().PublishAsync(notice, Ct);
    }
}
