using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Preau.Testing;

namespace Preau.BrowserTests;

/// <summary>
/// One Préau on a real Kestrel port (loopback, a free port) and one headless Chromium for a test
/// class. Each test opens its own <see cref="IBrowserContext"/>: its own cookies, locale,
/// viewport and colour scheme.
/// </summary>
public class BrowserApp : PreauApp
{
    public const string ChromiumVariable = "PREAU_CHROMIUM";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserApp() : base(DatabaseKind.Sqlite) => UseKestrel(0);

    /// <summary>Where the application listens, e.g. http://127.0.0.1:40123.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));

        // A loaded CI machine answers slower than a desk: web-first assertions wait up to 15 s
        // (they return as soon as the page is right, so a green run is not slower).
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // The system's Chromium: the tests never download a browser.
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser profile: French unless said otherwise, a phone or a desktop, light or dark.</summary>
    public Task<IBrowserContext> NewContextAsync(
        int width = Viewports.Desktop, ColorScheme scheme = ColorScheme.Light, string locale = "fr-FR", string? storageState = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ColorScheme = scheme,
            ViewportSize = new ViewportSize { Width = width, Height = width <= Viewports.Phone ? 844 : 800 },
            StorageState = storageState,
            TimezoneId = "Europe/Paris",
        });

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable);
        path = string.IsNullOrWhiteSpace(path) ? "/usr/bin/chromium" : path;
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"Browser tests need Chromium at {path} (set {ChromiumVariable}); ./test.sh installs Debian's chromium package.");
    }
}

/// <summary>The two widths every page is held to: a small phone and a laptop.</summary>
public static class Viewports
{
    public const int Phone = 390;
    public const int Desktop = 1280;
}
