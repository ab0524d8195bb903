using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Documents;

/// <summary>
/// "Mes documents" in a browser: files sent through the script's path, each with its progress bar
/// reaching done, an empty file refused with its reason and a "Réessayer" button, the list brought up
/// to date; an item's menu open; the trash; a young pupil's large tiles; at 390 and 1280 wide in light
/// and dark, without sideways scrolling or a serious axe-core violation.
/// </summary>
public sealed class DocumentPagesTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static readonly (int Width, ColorScheme Scheme)[] Looks =
        [(Viewports.Phone, ColorScheme.Light), (Viewports.Phone, ColorScheme.Dark), (Viewports.Desktop, ColorScheme.Light), (Viewports.Desktop, ColorScheme.Dark)];

    [Fact]
    public async Task A_teacher_uploads_with_progress_sees_a_refusal_and_retries()
    {
        foreach (var (width, scheme) in Looks)
        {
            var context = await app.NewContextAsync(width, scheme);
            var page = await context.NewPageAsync();
            var problems = new List<string>();
            page.PageError += (_, error) => problems.Add(error);
            await page.SignInAsync(Personas.Claire, app: app);
            await page.GotoAsync("/documents");
            var name = $"documents-{width}-{scheme}".ToLowerInvariant();
            await page.CheckAsync(name, width, output);

            // Two good files and an empty one, chosen (no drag): one line each with its bar.
            var tag = $"{width}-{scheme}".ToLowerInvariant();
            await page.Locator("#docs-files").SetInputFilesAsync(new[]
            {
                new FilePayload { Name = $"Fiche {tag}.pdf", MimeType = "application/pdf", Buffer = new byte[150_000] },
                new FilePayload { Name = $"Photo {tag}.png", MimeType = "image/png", Buffer = new byte[40_000] },
                new FilePayload { Name = $"vide {tag}.txt", MimeType = "text/plain", Buffer = [] },
            });
            var lines = page.Locator("[data-docs-upload-list] li");
            await Expect(lines).ToHaveCountAsync(3);
            var done = page.Locator("[data-docs-upload-list] li[data-state=done]");
            await Expect(done).ToHaveCountAsync(2, new() { Timeout = 15000 });
            await Expect(done.First.Locator("progress")).ToHaveJSPropertyAsync("value", 100);
            var failed = page.Locator("[data-docs-upload-list] li[data-state=error]");
            await Expect(failed).ToContainTextAsync("vide");
            await Expect(failed.Locator(".docs-upload-status")).ToContainTextAsync("vide");
            var retry = failed.GetByRole(AriaRole.Button, new() { Name = $"Réessayer vide {tag}.txt" });
            await Expect(retry).ToBeVisibleAsync();

            // The list comes up to date with the stored files.
            await Expect(page.Locator("[data-docs-list]")).ToContainTextAsync($"Fiche {tag}.pdf", new() { Timeout = 15000 });
            await page.CheckAsync(name + "-uploaded", width, output);

            // Réessayer sends the same file again: still refused, the button still there.
            await retry.ClickAsync();
            await Expect(failed).ToHaveAttributeAsync("data-state", "error", new() { Timeout = 15000 });
            await Expect(retry).ToBeVisibleAsync();

            // An item's menu stays inside the screen.
            await page.Locator("[data-docs-list] .docs-menu > summary").First.ClickAsync();
            await Expect(page.Locator("[data-docs-list] .docs-menu[open] .docs-menu-panel")).ToBeVisibleAsync();
            await page.CheckAsync(name + "-menu", width, output);

            await page.GotoAsync("/documents/corbeille");
            await page.CheckAsync(name + "-trash", width, output);
            Assert.Empty(problems);
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_young_pupil_sees_large_tiles_and_read_aloud_buttons()
    {
        foreach (var (width, scheme) in Looks)
        {
            var context = await app.NewContextAsync(width, scheme);
            var page = await context.NewPageAsync();
            await page.SignInAsync(Personas.Lea, app: app);
            await page.GotoAsync("/documents");
            await Expect(page.Locator("button.speak[data-speak='Ajouter des fichiers']")).ToBeVisibleAsync();
            await Expect(page.Locator("button.speak[data-speak='Nouveau dossier']")).ToBeVisibleAsync();
            await page.CheckAsync($"documents-young-{width}-{scheme}".ToLowerInvariant(), width, output);
            await context.CloseAsync();
        }
    }
}
