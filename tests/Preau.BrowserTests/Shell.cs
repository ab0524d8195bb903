using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests;

/// <summary>What a person does with the app shell, as they would do it: through labels and roles.</summary>
public static partial class Shell
{
    /// <summary>
    /// Signs in through the login form and waits for the home page. The demo administrators use
    /// two-step verification: given the <paramref name="app"/>, the second step is answered with
    /// the demo authenticator's current code on the app's clock.
    /// </summary>
    public static async Task SignInAsync(this IPage page, string login, string password = Preau.Testing.PreauApp.Password, Preau.Testing.PreauApp? app = null)
    {
        if (!page.Url.Contains("/login", StringComparison.Ordinal))
        {
            await page.GotoAsync("/login");
        }

        await page.GetByLabel("Identifiant ou adresse e-mail").FillAsync(login);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(HomeOrSecondStepUrl());
        if (page.Url.EndsWith("/login/mfa", StringComparison.Ordinal))
        {
            if (app is null)
            {
                throw new InvalidOperationException($"{login} uses two-step verification: pass the app to SignInAsync.");
            }

            await page.GetByLabel("Code de vérification").FillAsync(app.TotpCode(login: login));
            await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        }

        await Expect(page).ToHaveURLAsync(HomeUrl());
    }

    /// <summary>Opens the profile menu, whose summary is labelled with the person's name.</summary>
    public static async Task OpenProfileMenuAsync(this IPage page, string menuLabel)
    {
        var summary = page.GetByLabel(menuLabel, new() { Exact = true });
        await summary.ClickAsync();
        await Expect(page.Locator("details.profile-menu")).ToHaveAttributeAsync("open", "");
    }

    /// <summary>
    /// Waits until the deferred shell.js has run (it marks &lt;html&gt; with "js" first, then shows
    /// the read-aloud buttons in the same task): what it shows or hides can be counted after this.
    /// </summary>
    public static Task ShellReadyAsync(this IPage page) =>
        Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bjs\b"));

    /// <summary>The classes on &lt;html&gt;: interface (degree-1/degree-2) and display options.</summary>
    public static async Task<string[]> HtmlClassesAsync(this IPage page) =>
        (await page.EvaluateAsync<string>("() => document.documentElement.className"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The launcher's tiles, by app id, in the order shown.</summary>
    public static async Task<string[]> AppIdsAsync(this IPage page)
    {
        var tiles = page.GetByRole(AriaRole.Region, new() { Name = "Mes applis" }).Locator("a.tile[data-app]");
        await Expect(tiles.First).ToBeVisibleAsync();
        return [.. (await tiles.EvaluateAllAsync<string[]>("tiles => tiles.map(t => t.dataset.app)"))];
    }

    /// <summary>Waits until the web fonts are in, so that screenshots and contrast checks see the real page.</summary>
    public static Task FontsReadyAsync(this IPage page) => page.EvaluateAsync("() => document.fonts.ready.then(() => true)");

    /// <summary>How wide the page scrolls once its fonts are in (it must not scroll sideways, down to a 390 px phone).</summary>
    public static Task<int> ScrollWidthAsync(this IPage page) =>
        page.EvaluateAsync<int>("() => document.fonts.ready.then(() => document.scrollingElement.scrollWidth)");

    /// <summary>Fails, naming the elements that stick out, when the page is wider than <paramref name="width"/>.</summary>
    public static async Task AssertFitsAsync(this IPage page, int width, string message)
    {
        var scrollWidth = await page.ScrollWidthAsync();
        if (scrollWidth <= width)
        {
            return;
        }

        // The outermost elements whose right edge passes the viewport: where to look.
        var culprits = await page.EvaluateAsync<string[]>("""
            width => [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5)
                .filter((e, _, all) => !all.includes(e.parentElement))
                .slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.classList.length ? '.' + [...e.classList].join('.') : ''} (right ${Math.round(e.getBoundingClientRect().right)})`)
            """, width);
        Assert.Fail($"{message} Page {scrollWidth} px wide for {width}; sticking out: {string.Join(", ", culprits)}.");
    }

    public static Regex HomeUrl() => HomeUrlPattern();

    public static Regex LoginUrl() => LoginUrlPattern();

    public static Regex HomeOrSecondStepUrl() => HomeOrSecondStepUrlPattern();

    [GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial Regex HomeUrlPattern();

    [GeneratedRegex(@"^https?://[^/]+/login(\?.*)?$")]
    private static partial Regex LoginUrlPattern();

    [GeneratedRegex(@"^https?://[^/]+/(login/mfa)?$")]
    private static partial Regex HomeOrSecondStepUrlPattern();
}
