using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Directory.Features;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Messaging;

/// <summary>
/// Léa's simple mailbox, as she uses it: the two big doors, her teacher's message as a card with
/// "Nouveau" and "Écouter", the message opened big, "Répondre" with Claire already chosen, the
/// pictures to choose who (a tick and "Choisi", not the colour alone), the friendly "sent". Each
/// screen at 390 and 1280 wide, light and dark, axe-clean and without sideways scrolling.
/// </summary>
public sealed class YoungMailTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task Lea_reads_her_teacher_s_message_aloud_and_answers_it(int width, ColorScheme scheme)
    {
        var name = $"{width}-{scheme.ToString().ToLowerInvariant()}";
        var subject = $"La sortie au musée ({name})";
        await SendAsync(Personas.Claire, Personas.Lea, subject, "N’oublie pas ton goûter et ta casquette !");
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Lea, app: app);

        await page.GotoAsync("/messagerie/facile");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ma messagerie");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Écrire" })).ToBeVisibleAsync();
        await page.FontsReadyAsync();
        await page.CheckAsync($"young-home-{name}", width, output);

        await page.GetByRole(AriaRole.Link, new() { Name = "Mes messages" }).ClickAsync();
        var card = page.Locator(".young-letter", new() { HasText = subject });
        await Expect(card).ToContainTextAsync("Nouveau");
        await Expect(card.Locator(".young-letter-from")).ToHaveTextAsync("De Claire Martin");
        var listen = card.GetByRole(AriaRole.Button, new() { Name = "Écouter" });
        await Expect(listen).ToBeVisibleAsync();
        Assert.Equal($"Claire Martin. {subject}. N’oublie pas ton goûter et ta casquette !", await listen.GetAttributeAsync("data-speak"));
        await page.CheckAsync($"young-messages-{name}", width, output);

        await card.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(subject);
        await Expect(page.Locator(".young-read-body")).ToHaveTextAsync("N’oublie pas ton goûter et ta casquette !");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Écouter" })).ToBeVisibleAsync();
        await page.CheckAsync($"young-read-{name}", width, output);

        await page.GetByRole(AriaRole.Link, new() { Name = "Répondre" }).ClickAsync();
        await Expect(page.Locator(".young-to-list")).ToContainTextAsync("Claire Martin");
        await Expect(page.GetByLabel("Titre (tu peux le changer)")).ToHaveValueAsync("Message de Léa");
        await page.GetByLabel("Ton message").FillAsync($"Merci maîtresse ! ({name})");
        await page.CheckAsync($"young-compose-{name}", width, output);

        // Changing who: back to the pictures, Claire still ticked and said "Choisi".
        await page.GetByRole(AriaRole.Link, new() { Name = "Changer" }).ClickAsync();
        var claire = page.GetByRole(AriaRole.Checkbox, new() { Name = "Claire Martin" });
        await Expect(claire).ToBeCheckedAsync();
        await Expect(page.Locator("label.young-pick", new() { HasText = "Claire" }).Locator(".young-pick-mark")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Mes maîtres et maîtresses" })).ToContainTextAsync("Claire");
        var box = await page.Locator("label.young-pick").First.BoundingBoxAsync();
        Assert.True(box is { Height: >= 48, Width: >= 48 }, "Each picture is a big target.");
        await page.CheckAsync($"young-pick-{name}", width, output);

        await page.GetByRole(AriaRole.Button, new() { Name = "C’est bon" }).ClickAsync();
        await page.GetByLabel("Ton message").FillAsync($"Merci maîtresse ! ({name})");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ton message est parti");
        await page.CheckAsync($"young-sent-{name}", width, output);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var claireId = await db.Users.Where(u => u.Login == Personas.Claire).Select(u => u.Id).SingleAsync(Ct);
        Assert.True(await db.Set<MailboxEntry>().AnyAsync(e => e.UserId == claireId && e.FolderId == SystemFolders.Inbox
            && db.Set<Message>().Any(m => m.Id == e.MessageId && m.SearchText.Contains(name)), Ct));
    }

    /// <summary>A message written and sent through the messagerie's own use cases.</summary>
    private async Task SendAsync(string from, string to, string subject, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PreauDbContext>();
        var fromId = await db.Users.Where(u => u.Login == from).Select(u => u.Id).SingleAsync(Ct);
        var toId = await db.Users.Where(u => u.Login == to).Select(u => u.Id).SingleAsync(Ct);
        var me = (await services.GetRequiredService<LoadUserContext>().LoadAsync(fromId, Ct))!;
        var draft = await services.GetRequiredService<SaveDraft>().CreateAsync(me, new DraftContent([new RecipientRef(toId, false)], [], [], subject, text, BodyIsPlainText: true), null, Ct);
        Assert.True(draft.Succeeded);
        Assert.True((await services.GetRequiredService<SendMessage>().NowAsync(me, draft.Value!.Id, Ct)).Succeeded);
    }
}
