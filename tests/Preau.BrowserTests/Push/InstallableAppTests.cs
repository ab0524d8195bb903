using System.Text.Json;
using Microsoft.Playwright;
using Preau.Testing;
using static Microsoft.Playwright.Assertions;

namespace Preau.BrowserTests.Push;

/// <summary>
/// The installable app: its manifest and icons, the service worker at the site's root, the
/// offline page it shows when the network is gone (and never a personal page from its cache),
/// and "Notifications sur cet appareil" on a phone and a desktop, light and dark.
/// </summary>
public sealed class InstallableAppTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task Notifications_on_this_device_explain_and_offer_to_turn_push_on(int width, ColorScheme scheme)
    {
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Sophie);

        await page.GotoAsync("/fil/appareil");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifications sur cet appareil");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Activer les notifications sur cet appareil" })).ToBeVisibleAsync();
        await Expect(page.Locator("#push-state")).ToHaveTextAsync("Les notifications ne sont pas activées sur cet appareil.");
        // The no-script explanation is for browsers without script only.
        await Expect(page.GetByText("doit exécuter les scripts de Préau")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mes appareils" })).ToBeVisibleAsync();
        await page.FontsReadyAsync();
        await page.CheckAsync($"push-device-{width}-{scheme.ToString().ToLowerInvariant()}", width, output);
    }

    [Fact]
    public async Task The_manifest_names_the_app_and_its_icons_are_reachable()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        Assert.Equal("/manifest.webmanifest", href);

        var manifest = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, manifest.Status);
        var json = JsonDocument.Parse(await manifest.TextAsync()).RootElement;
        Assert.Equal("Préau", json.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("short_name").GetString()));
        Assert.Equal("/", json.GetProperty("start_url").GetString());
        Assert.Equal("standalone", json.GetProperty("display").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", json.GetProperty("theme_color").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", json.GetProperty("background_color").GetString());
        var icons = json.GetProperty("icons").EnumerateArray().ToList();
        foreach (var (size, purpose) in new[] { ("192x192", "any"), ("512x512", "any"), ("512x512", "maskable") })
        {
            var icon = Assert.Single(icons, i => i.GetProperty("sizes").GetString() == size && i.GetProperty("purpose").GetString() == purpose);
            var file = await page.APIRequest.GetAsync(icon.GetProperty("src").GetString()!);
            Assert.Equal(200, file.Status);
            Assert.Equal("image/png", file.Headers["content-type"]);
            var png = await file.BodyAsync();
            // The PNG's own header says its size: width and height at bytes 16 and 20.
            var side = int.Parse(size.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(side, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(side, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        }
    }

    [Fact]
    public async Task The_service_worker_covers_the_site_and_shows_the_offline_page_when_the_network_is_gone()
    {
        await using var context = await app.NewContextAsync(Viewports.Phone);
        var page = await context.NewPageAsync();
        await page.SignInAsync(Personas.Sophie);

        // The shell registers /sw.js at the root; it is ready once it kept the offline page.
        var registration = await page.EvaluateAsync<JsonElement>(
            "() => navigator.serviceWorker.ready.then(r => ({ scope: r.scope, script: r.active.scriptURL }))");
        Assert.Equal(new Uri(app.BaseAddress, "/").ToString(), registration.GetProperty("scope").GetString());
        Assert.Equal(new Uri(app.BaseAddress, "/sw.js").ToString(), registration.GetProperty("script").GetString());
        var worker = await page.APIRequest.GetAsync("/sw.js");
        Assert.Equal("no-cache", worker.Headers["cache-control"]);

        // A personal page visited with the worker in place is never kept.
        await page.GotoAsync("/annuaire");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var kept = await page.EvaluateAsync<string[]>(
            "async () => { const out = []; for (const name of await caches.keys()) { for (const r of await (await caches.open(name)).keys()) out.push(new URL(r.url).pathname); } return out; }");
        Assert.Contains("/hors-ligne", kept);
        Assert.All(kept, path => Assert.True(path == "/hors-ligne" || path.StartsWith("/_content/", StringComparison.Ordinal), path));

        await context.SetOfflineAsync(true);
        await page.GotoAsync("/annuaire");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vous êtes hors ligne");
        await Expect(page.GetByText("You are offline")).ToBeVisibleAsync();
        await Expect(page.GetByText("Sophie")).ToHaveCountAsync(0);
        await context.SetOfflineAsync(false);
    }

    [Theory]
    [InlineData(Viewports.Phone, ColorScheme.Light)]
    [InlineData(Viewports.Phone, ColorScheme.Dark)]
    [InlineData(Viewports.Desktop, ColorScheme.Light)]
    [InlineData(Viewports.Desktop, ColorScheme.Dark)]
    public async Task The_offline_page_reads_in_french_and_english(int width, ColorScheme scheme)
    {
        await using var context = await app.NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hors-ligne");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vous êtes hors ligne");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("You are offline");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Réessayer · Try again" })).ToBeVisibleAsync();
        await page.FontsReadyAsync();
        await page.CheckAsync($"offline-{width}-{scheme.ToString().ToLowerInvariant()}", width, output);
    }
}
