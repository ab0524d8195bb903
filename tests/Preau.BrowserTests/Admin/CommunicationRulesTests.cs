using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Admin;

/// <summary>
/// The director of Jules Ferry opens communication between the parents of CE2 A: she finds the
/// screen from her school's page, picks the class, presses the cell, reads the warning, confirms,
/// and the matrix shows it open. The screen and its confirmation pass axe-core on a phone and a
/// laptop, light and dark, without scrolling sideways (screenshots in artifacts/screenshots/).
/// </summary>
public sealed class CommunicationRulesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ParentsTogether = "Parents de CE2 A s'écrivent entre eux";
    private static readonly string[] Blocking = ["serious", "critical"];

    [Fact]
    public async Task The_director_opens_parent_to_parent_communication_in_a_class_after_the_warning()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Isabelle, app: app);

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gérer École élémentaire Jules Ferry" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Qui peut écrire à qui" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Qui peut écrire à qui");
        await ShowCe2Async(page);

        var cell = page.Locator("#class").GetByRole(AriaRole.Button, new() { Name = ParentsTogether });
        await Expect(cell).ToHaveAttributeAsync("aria-pressed", "false");
        await cell.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Confirmer l'ouverture" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Les parents de CE2 A pourront s'écrire entre eux");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer" }).ClickAsync();

        await Expect(page.Locator("#class").GetByRole(AriaRole.Status)).ToContainTextAsync("C'est ouvert");
        await Expect(page.Locator("#class").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Une classe\u00A0: CE2 A");
        var open = page.Locator("#class").GetByRole(AriaRole.Button, new() { Name = ParentsTogether });
        await Expect(open).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(open).ToContainTextAsync("Oui");

        // Closing asks nothing: the class is back to its default for the other tests.
        await open.ClickAsync();
        await Expect(page.Locator("#class").GetByRole(AriaRole.Status)).ToContainTextAsync("C'est fermé");
        await Expect(page.Locator("#class").GetByRole(AriaRole.Button, new() { Name = ParentsTogether })).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task The_screen_and_its_warning_have_no_serious_accessibility_violation(int width, ColorScheme scheme)
    {
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Isabelle, app: app);
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gérer École élémentaire Jules Ferry" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Qui peut écrire à qui" }).ClickAsync();
        await ShowCe2Async(page);
        var suffix = $"{width}-{(scheme == ColorScheme.Dark ? "dark" : "light")}";
        await CheckAsync(page, $"admin-communication-{suffix}", width);

        await page.Locator("#class").GetByRole(AriaRole.Button, new() { Name = ParentsTogether }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Les parents de CE2 A pourront s'écrire entre eux");
        await CheckAsync(page, $"admin-communication-confirm-{suffix}", width);
        await page.GetByRole(AriaRole.Link, new() { Name = "Annuler" }).ClickAsync();
        await Expect(page.Locator("#class").GetByRole(AriaRole.Button, new() { Name = ParentsTogether })).ToHaveAttributeAsync("aria-pressed", "false");
    }

    private static async Task ShowCe2Async(IPage page)
    {
        await page.GetByLabel("Classe", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "CE2 A" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
        await Expect(page.Locator("#class").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Une classe\u00A0: CE2 A");
    }

    private static async Task CheckAsync(IPage page, string name, int width)
    {
        await page.AssertFitsAsync(width, $"{name} scrolls sideways.");
        await Screenshots.SaveAsync(page, name);
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, $"{name}: " + string.Join("; ", blocking.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
    }
}
