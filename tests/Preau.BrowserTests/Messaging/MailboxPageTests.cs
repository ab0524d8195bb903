using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Directory.Features;
using ColorScheme = Microsoft.Playwright.ColorScheme;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Messaging;

/// <summary>
/// Sophie's mailbox after Claire wrote to her: the inbox and the message at phone and desktop
/// widths in both themes, and the inbox's count and lines brought up to date without reload when
/// a new message arrives while the page is open (over the feed's hub, no second one).
/// </summary>
public sealed class MailboxPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> WriteAsync(string subject, string body)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var ids = await db.Users.Where(u => u.Login == Personas.Claire || u.Login == Personas.Sophie).ToDictionaryAsync(u => u.Login, u => u.Id, Ct);
        var claire = (await scope.ServiceProvider.GetRequiredService<LoadUserContext>().LoadAsync(ids[Personas.Claire], Ct))!;
        var draft = await scope.ServiceProvider.GetRequiredService<SaveDraft>().CreateAsync(claire,
            new DraftContent([new RecipientRef(ids[Personas.Sophie], false)], [], [], subject, body), null, Ct);
        var sent = await scope.ServiceProvider.GetRequiredService<SendMessage>().NowAsync(claire, draft.Value!.Id, Ct);
        Assert.True(sent.Succeeded);
        return draft.Value.Id;
    }

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task The_inbox_and_a_message_read_well_at_every_width(int width, ColorScheme scheme)
    {
        var id = await WriteAsync($"Sortie au musée ({width} {scheme})",
            "<p>Bonjour,</p><p>La classe ira au musée jeudi. Merci de prévoir un <strong>pique-nique</strong>.</p><p>Claire Martin</p>");
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Sophie);

        await page.GotoAsync("/messagerie");
        var line = page.Locator($"[data-message-id='{id}']");
        await Expect(line).ToContainTextAsync("non lu");
        await Expect(line).ToContainTextAsync("Claire Martin");
        await page.CheckAsync($"mailbox-inbox-{width}-{scheme.ToString().ToLowerInvariant()}", width, output);

        await line.Locator("a.mail-line-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/messagerie/message/{id}$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Répondre", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".mail-body strong")).ToHaveTextAsync("pique-nique");
        await page.CheckAsync($"mailbox-message-{width}-{scheme.ToString().ToLowerInvariant()}", width, output);
    }

    [Fact]
    public async Task The_open_inbox_counts_and_shows_a_new_message_without_reload()
    {
        await WriteAsync("Premier message", "<p>Un.</p>");
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Sophie);
        await page.GotoAsync("/messagerie");
        await Expect(page.Locator("a[data-feed-unread]")).ToHaveAttributeAsync("data-feed-live", "connected");
        var count = page.Locator("[data-mailbox-count='reception'] [aria-hidden]");
        var before = int.Parse(await count.TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => { window.preauNotReloaded = true; }");

        var id = await WriteAsync("Arrivé pendant la lecture", "<p>Deux.</p>");

        await Expect(count).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator($"[data-message-id='{id}']")).ToContainTextAsync("Arrivé pendant la lecture");
        Assert.True(await page.EvaluateAsync<bool>("() => window.preauNotReloaded === true"), "The mailbox was reloaded.");
        await page.CheckAsync("mailbox-live-new-message", Viewports.Desktop, output);
    }
}
