using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Account;

public sealed partial class PreferencesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task English_chosen_from_the_profile_menu_stays_after_a_reload_and_a_new_sign_in()
    {
        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.SignInAsync(Personas.Lea);

            await page.OpenProfileMenuAsync("Menu de Léa Dubois");
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

            await AssertEnglishHomeAsync(page);
            await page.ReloadAsync();
            await AssertEnglishHomeAsync(page);

            await page.OpenProfileMenuAsync("Léa Dubois's menu");
            await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(Shell.LoginUrl());
        }

        // Another browser, French by its settings: the account's language wins once signed in.
        await using (var context = await app.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.SignInAsync(Personas.Lea);
            await AssertEnglishHomeAsync(page);

            await page.OpenProfileMenuAsync("Léa Dubois's menu");
            await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Léa\u202F!");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes applis" })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Dark_high_contrast_and_dyslexia_font_apply_once_saved_and_can_be_undone()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Claire);
        Assert.True(await BodyBackgroundLuminanceAsync(page) > 0.6, "The default page should be light.");

        await page.GotoAsync("/account");
        await Screenshots.SaveAsync(page, "account-claire.martin-1280-light");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Sombre" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Contraste renforcé" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Police adaptée à la dyslexie" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Vos réglages sont enregistrés.");
        var classes = await page.HtmlClassesAsync();
        Assert.Contains("scheme-dark", classes);
        Assert.Contains("high-contrast", classes);
        Assert.Contains("dyslexia", classes);
        Assert.True(await BodyBackgroundLuminanceAsync(page) < 0.1, "A dark, high-contrast page should have a dark background.");
        var font = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.StartsWith("OpenDyslexic", font.TrimStart('"'), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Sombre" })).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "account-claire.martin-1280-dark-contrast-dyslexia");

        // The choice follows the person to the next page.
        await page.GotoAsync("/");
        Assert.Contains("scheme-dark", await page.HtmlClassesAsync());

        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Comme mon appareil" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Contraste renforcé" }).UncheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Police adaptée à la dyslexie" }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        classes = await page.HtmlClassesAsync();
        Assert.Contains("scheme-auto", classes);
        Assert.DoesNotContain("high-contrast", classes);
        Assert.DoesNotContain("dyslexia", classes);
        Assert.True(await BodyBackgroundLuminanceAsync(page) > 0.6, "Back to the device's (light) scheme.");
    }

    private static async Task AssertEnglishHomeAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello Léa!");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My apps" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    /// <summary>Relative luminance (0 black, 1 white) of the body's computed background.</summary>
    private static async Task<double> BodyBackgroundLuminanceAsync(IPage page)
    {
        var color = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var match = RgbPattern().Match(color);
        Assert.True(match.Success, $"Unexpected background colour {color}.");
        static double Channel(string value)
        {
            var c = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) / 255;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(match.Groups[1].Value) + 0.7152 * Channel(match.Groups[2].Value) + 0.0722 * Channel(match.Groups[3].Value);
    }

    [GeneratedRegex(@"rgba?\((\d+),\s*(\d+),\s*(\d+)")]
    private static partial Regex RgbPattern();
}
