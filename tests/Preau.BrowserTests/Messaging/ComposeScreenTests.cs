using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Messaging.Domain;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Messaging;

/// <summary>
/// The composer as a teacher uses it: a recipient found as she types and chosen with the keyboard
/// (combobox, chips), the Cc / Cci toggle, the editor, a file uploaded with its progress bar, the
/// autosave's status, then Send; at 390 and 1280 wide in light and dark, without sideways
/// scrolling or a serious axe-core violation.
/// </summary>
public sealed class ComposeScreenTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static readonly (int Width, ColorScheme Scheme)[] Looks =
        [(Viewports.Phone, ColorScheme.Light), (Viewports.Phone, ColorScheme.Dark), (Viewports.Desktop, ColorScheme.Light), (Viewports.Desktop, ColorScheme.Dark)];

    [Fact]
    public async Task A_teacher_writes_attaches_and_sends_from_the_compose_page()
    {
        foreach (var (width, scheme) in Looks)
        {
            var context = await app.NewContextAsync(width, scheme);
            var page = await context.NewPageAsync();
            var problems = new List<string>();
            page.PageError += (_, error) => problems.Add(error);
            await page.SignInAsync(Personas.Claire, app: app);
            await page.GotoAsync("/messagerie/ecrire");
            var name = $"compose-{width}-{scheme}".ToLowerInvariant();
            await page.CheckAsync(name, width, output);

            // Search as one types; ↓ then Enter chooses; the chip appears.
            var to = page.GetByRole(AriaRole.Combobox, new() { Name = "À" });
            await to.FillAsync("dubois");
            await Expect(page.Locator("#to-list [role=option]").First).ToBeVisibleAsync();
            await to.PressAsync("ArrowDown");
            await Expect(to).ToHaveAttributeAsync("aria-activedescendant", "to-list-0");
            await page.CheckAsync(name + "-search", width, output);
            await to.PressAsync("Enter");
            await Expect(page.Locator("#to-chips .compose-chip")).ToHaveCountAsync(1);

            // Cc / Cci behind their toggle.
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Cc / Cci" });
            await toggle.ClickAsync();
            await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
            await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Cci" })).ToBeVisibleAsync();

            await page.FillAsync("#Subject", "Sortie au musée");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).ClickAsync();
            await page.Keyboard.TypeAsync("Bonjour, la sortie a lieu jeudi.");
            await Expect(page.Locator("#compose-status")).ToContainTextAsync("Brouillon enregistré à", new() { Timeout = 15000 });

            // A file: its progress bar, then its line with its size and a remove button.
            await page.Locator("#compose-file-input").SetInputFilesAsync(new FilePayload { Name = "programme.pdf", MimeType = "application/pdf", Buffer = new byte[200_000] });
            await Expect(page.Locator(".compose-file[data-id]")).ToHaveCountAsync(1, new() { Timeout = 15000 });
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retirer programme.pdf" })).ToBeVisibleAsync();
            await page.CheckAsync(name + "-filled", width, output);

            await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
            await page.WaitForURLAsync("**/messagerie/message/**");
            var id = Guid.Parse(page.Url.Split("/messagerie/message/")[1][..36]);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            var sent = await db.Set<Message>().SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal((MessageState.Sent, "Sortie au musée", 1), (sent.State, sent.Subject, sent.AttachmentCount));
            Assert.Empty(problems);
            await context.CloseAsync();
        }
    }
}
