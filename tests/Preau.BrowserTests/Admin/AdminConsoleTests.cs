using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Admin;

/// <summary>
/// The director of Jules Ferry in the administration console: she finds a pupil by a name typed
/// without its accent, blocks and unblocks a parent (confirming in the browser's dialog), and each
/// screen passes axe-core without a serious violation and without scrolling sideways.
/// </summary>
public sealed class AdminConsoleTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(Viewports.Phone)]
    [InlineData(Viewports.Desktop)]
    public async Task The_director_finds_a_pupil_and_blocks_then_unblocks_her_parent(int width)
    {
        await using var context = await app.NewContextAsync(width, ColorScheme.Light);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Isabelle, app: app);

        await page.GotoAsync("/admin");
        await page.GetByLabel("Nom ou identifiant").FillAsync("lea dub");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await CheckAsync(page, $"admin-users-{width}", width);
        await page.GetByRole(AriaRole.Link, new() { Name = "Léa Dubois" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Léa Dubois");
        await CheckAsync(page, $"admin-user-{width}", width);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sophie Dubois" }).ClickAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bloquer le compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le compte est bloqué");
        await Expect(page.Locator("main header .state")).ToHaveTextAsync("Bloqué");
        await page.GetByRole(AriaRole.Button, new() { Name = "Débloquer le compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le compte est débloqué");

        await page.GotoAsync("/admin/audit");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Sophie Dubois" }).First).ToBeVisibleAsync();
        await CheckAsync(page, $"admin-audit-{width}", width);
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gérer École élémentaire Jules Ferry" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("École élémentaire Jules Ferry");
        await CheckAsync(page, $"admin-structure-{width}", width);
        await page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" }).First.ClickAsync();
        await CheckAsync(page, $"admin-new-user-{width}", width);
    }

    private Task CheckAsync(IPage page, string name, int width) => ScreenCheck.CheckAsync(page, name, width, output);
}
