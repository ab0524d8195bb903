using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Sharing;

/// <summary>
/// Claire shares a note with her class: she types the beginning of "CE2" in the share dialog,
/// adds her pupils' group from the results that appear as she types, gives them the right to
/// comment too and saves; the dialog lists the group. Each view passes axe-core, light and dark,
/// without scrolling sideways.
/// </summary>
public sealed class ShareDialogTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task Claire_shares_a_note_with_her_class_pupils(int width)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var claire = await scope.ServiceProvider.GetRequiredService<PreauDbContext>().Users
            .Where(u => u.Login == Personas.Claire).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var note = app.Services.GetRequiredService<TestNotes>().Add("Sortie au musée", claire);
        await using var context = await app.NewContextAsync(width, ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Claire);

        await page.GotoAsync($"/partage/{TestNotes.Type}/{note.Id}?returnUrl=%2F");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sortie au musée");
        await page.CheckAsync($"share-empty-{width}", width, output);

        await page.GetByLabel("Nom d’une personne, d’une classe ou d’un groupe").PressSequentiallyAsync("CE2", new() { Delay = 60 });
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Ajouter Élèves de CE2 A" });
        await Expect(add).ToBeVisibleAsync();
        await page.CheckAsync($"share-search-{width}", width, output);
        await add.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ajouté avec le droit de lecture");

        var rights = page.GetByRole(AriaRole.Group, new() { Name = "Droits de Élèves de CE2 A" });
        await Expect(rights.GetByLabel("Lire")).ToBeCheckedAsync();
        await rights.GetByLabel("Commenter").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les droits" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Droits enregistrés");
        await Expect(rights.GetByLabel("Commenter")).ToBeCheckedAsync();
        await Expect(rights.GetByLabel("Modifier")).Not.ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Partagé avec" })).ToContainTextAsync("Élèves de CE2 A");
        await page.CheckAsync($"share-saved-{width}", width, output);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.ReloadAsync();
        await page.CheckAsync($"share-saved-dark-{width}", width, output);
    }
}
