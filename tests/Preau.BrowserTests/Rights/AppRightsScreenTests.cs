using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Rights;

/// <summary>A browser Préau with the test-only blog module, whose rights the screen edits.</summary>
public sealed class RightsBrowserApp : BrowserApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        TestBlog.AddTo(builder);
    }
}

/// <summary>
/// The director of Jules Ferry lets her pupils create blogs from the school's "Applications et
/// droits" screen, sees it saved, then restores the defaults (confirming in the browser's dialog);
/// the screen passes axe-core without a serious violation and without scrolling sideways, on a
/// phone and a desktop, light and dark.
/// </summary>
public sealed class AppRightsScreenTests(RightsBrowserApp app, ITestOutputHelper output) : IClassFixture<RightsBrowserApp>
{
    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task The_director_lets_pupils_create_blogs_then_restores_the_defaults(int width, ColorScheme scheme)
    {
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Isabelle, app: app);
        var name = $"admin-app-rights-{width}-{scheme.ToString().ToLowerInvariant()}";

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gérer École élémentaire Jules Ferry" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Applications et droits" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Applications et droits");
        var pupilsCreate = page.GetByRole(AriaRole.Checkbox, new() { Name = "Créer un journal — Élève" });
        await Expect(pupilsCreate).Not.ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Créer un journal — Enseignant" })).ToBeCheckedAsync();
        await page.CheckAsync(name, width, output);

        await pupilsCreate.CheckAsync();
        // Each application has its own form: save the blog's.
        await page.Locator("form").Filter(new() { Has = pupilsCreate }).GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Les droits sont enregistrés");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Créer un journal — Élève (modifié)" })).ToBeCheckedAsync();
        await page.CheckAsync(name + "-saved", width, output);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rétablir les droits par défaut" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Les droits par défaut sont rétablis");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Créer un journal — Élève" })).Not.ToBeCheckedAsync();
    }

}
