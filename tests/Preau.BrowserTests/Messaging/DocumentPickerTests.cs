using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Documents.Domain;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Folders;
using Preau.Platform.Directory.Features;
using Preau.Platform.Persistence;
using Preau.Testing;
using ColorScheme = Microsoft.Playwright.ColorScheme;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Messaging;

/// <summary>
/// "Joindre depuis mes documents" in the composer: Claire opens the picker in its dialog, goes into
/// a folder, searches, ticks a worksheet and attaches it, which the composer lists at once; and
/// the same picker as a page without the dialog. At phone and desktop widths, both themes.
/// </summary>
public sealed class DocumentPickerTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A folder of Claire's with two documents in it; its name.</summary>
    // Each look has its own files: a search covers the whole space, where earlier looks left theirs.
    private static string Poem(string tag) => $"Poésie - Le vent {tag}.pdf";

    private static string Dictation(string tag) => $"Dictée n°3 {tag}.txt";

    private async Task<string> FolderWithDocumentsAsync(string tag)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var id = await db.Users.Where(u => u.Login == Personas.Claire).Select(u => u.Id).SingleAsync(Ct);
        var claire = (await scope.ServiceProvider.GetRequiredService<LoadUserContext>().LoadAsync(id, Ct))!;
        var name = $"Séquence automne {tag}";
        var folder = await scope.ServiceProvider.GetRequiredService<ManageFolders>().CreateAsync(claire, DocFolder.Root, name, Ct);
        foreach (var (file, text) in new[] { (Poem(tag), "%PDF-1.4 poésie"), (Dictation(tag), "La dictée du jeudi.") })
        {
            await using var scope2 = app.Services.CreateAsyncScope();
            var stored = await scope2.ServiceProvider.GetRequiredService<UploadDocument>()
                .UploadAsync(claire, folder.Value!.Id, file, "text/plain", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text + tag)), null, null, Ct);
            Assert.True(stored.Succeeded);
        }

        return name;
    }

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task Claire_attaches_a_worksheet_from_her_documents(int width, ColorScheme scheme)
    {
        var name = $"picker-{width}-{scheme.ToString().ToLowerInvariant()}";
        var tag = $"{width}{scheme}";
        var folder = await FolderWithDocumentsAsync(tag);
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Claire, app: app);
        await page.GotoAsync("/messagerie/ecrire");
        await page.GetByLabel("Objet").FillAsync("Fiches de la semaine");

        await page.GetByRole(AriaRole.Button, new() { Name = "Joindre depuis mes documents" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Joindre depuis mes documents" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Link, new() { Name = folder }).ClickAsync();
        await Expect(dialog.GetByText(Poem(tag))).ToBeVisibleAsync();
        await page.CheckAsync(name + "-dialog", width, output);

        await dialog.GetByLabel("Rechercher un document par son nom").FillAsync($"dictee n°3 {tag}");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await Expect(dialog.GetByText(Poem(tag))).ToHaveCountAsync(0);
        await dialog.GetByLabel(Dictation(tag)).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Joindre la sélection" }).ClickAsync();

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator("#compose-files .compose-file-name")).ToHaveTextAsync([Dictation(tag)]);
        await page.CheckAsync(name + "-attached", width, output);

        // The same picker as a page (what a browser without JavaScript gets).
        var draft = await page.Locator("#compose-draft").InputValueAsync();
        await page.GotoAsync($"/messagerie/ecrire/documents?brouillon={draft}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Joindre depuis mes documents", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = folder }).ClickAsync();
        await Expect(page.GetByLabel(Poem(tag))).ToBeVisibleAsync();
        await page.CheckAsync(name + "-page", width, output);
        await page.GetByLabel(Poem(tag)).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Joindre la sélection" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/messagerie/ecrire\\?brouillon="));
        await Expect(page.Locator("#compose-files .compose-file-name")).ToHaveCountAsync(2);
        Assert.Equal([Dictation(tag), Poem(tag)], (await page.Locator("#compose-files .compose-file-name").AllTextContentsAsync()).Select(t => t.Trim()).Order(StringComparer.Ordinal));
    }
}
