using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Platform.Directory.Features;
using Function = Preau.Platform.Kernel.Function;
using Preau.Platform.Persistence;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Feed;

/// <summary>
/// A browser Préau where the director of Jules Ferry is also the SuperAdmin. The demo's "admin"
/// shows "Admin" beside a menu named "Administration Préau", which axe-core reports on desktops
/// (label-content-name-mismatch, in the shell, left to its owner); the screen itself is the same.
/// </summary>
public sealed class PreferencesBrowserApp : BrowserApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        scope.ServiceProvider.GetRequiredService<DirectoryWriter>().Grant(await db.Users.SingleAsync(u => u.Login == Personas.Isabelle), Function.SuperAdmin);
        await db.SaveChangesAsync();
    }
}

/// <summary>
/// "Mes notifications": a parent changes where a type goes and whether it rings her phone, sees it
/// saved, then restores the defaults; a young pupil gets the simple page; the SuperAdmin changes a
/// profile's default on "Notifications par défaut" and restores the applications' settings. Each
/// screen passes axe-core without a serious violation and without scrolling sideways, on a phone
/// and a desktop, light and dark.
/// </summary>
public sealed class PreferencesScreenTests(PreferencesBrowserApp app, ITestOutputHelper output) : IClassFixture<PreferencesBrowserApp>
{
    private const string Label = "Une note de test est publiée";

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task A_parent_chooses_the_weekly_summary_and_her_phone_then_restores_the_defaults(int width, ColorScheme scheme)
    {
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Sophie);
        var name = $"feed-preferences-{width}-{scheme.ToString().ToLowerInvariant()}";

        await page.GotoAsync("/fil/preferences");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mes notifications");
        var channel = page.GetByRole(AriaRole.Combobox, new() { Name = Label });
        await Expect(channel).ToHaveValueAsync("Daily");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Notifications sur cet appareil" })).ToHaveAttributeAsync("href", "/fil/appareil");
        await page.CheckAsync(name, width, output);

        await channel.SelectOptionAsync("Weekly");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Sur mon téléphone — " + Label }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes choix" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vos choix sont enregistrés");
        await Expect(channel).ToHaveValueAsync("Weekly");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Sur mon téléphone — " + Label })).ToBeCheckedAsync();
        await page.CheckAsync(name + "-saved", width, output);

        await page.GetByRole(AriaRole.Button, new() { Name = "Rétablir les réglages par défaut" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Les réglages par défaut sont rétablis");
        await Expect(channel).ToHaveValueAsync("Daily");
    }

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task A_young_pupil_only_chooses_whether_she_sees_each_kind_of_news(int width, ColorScheme scheme)
    {
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Lea);

        await page.GotoAsync("/fil/preferences");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Une note de test est publiée" }).GetByRole(AriaRole.Radio, new() { Name = "Je le vois" })).ToBeCheckedAsync();
        await Expect(page.GetByText("Par e-mail tout de suite")).ToHaveCountAsync(0);
        await page.CheckAsync($"feed-preferences-young-{width}-{scheme.ToString().ToLowerInvariant()}", width, output);
    }

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task The_superadmin_sends_parents_the_weekly_summary_by_default_then_restores_the_applications_settings(int width, ColorScheme scheme)
    {
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Isabelle, app: app);
        var name = $"admin-feed-defaults-{width}-{scheme.ToString().ToLowerInvariant()}";

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications par défaut" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifications par défaut");
        var parents = page.GetByRole(AriaRole.Combobox, new() { Name = Label + " — Parent", Exact = true });
        await Expect(parents).ToHaveValueAsync("Daily");
        await page.CheckAsync(name, width, output);

        await parents.SelectOptionAsync("Weekly");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Les notifications par défaut sont enregistrées");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = Label + " — Parent (modifié)" })).ToHaveValueAsync("Weekly");
        await page.CheckAsync(name + "-saved", width, output);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rétablir les réglages des applications" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Les réglages des applications sont rétablis");
        await Expect(parents).ToHaveValueAsync("Daily");
    }
}
