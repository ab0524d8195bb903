using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using Preau.Web.Demo;
using Xunit;

namespace Preau.Testing;

/// <summary>
/// One isolated Préau for a test class: its own database (SQLite file or PostgreSQL database),
/// its own data folder, the demo city seeded through the same start-up code as the run command,
/// a fake clock and a query counter.
/// </summary>
public class PreauApp(DatabaseKind kind = DatabaseKind.Sqlite) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = DemoCity.DemoPassword;

    /// <summary>The demo administrators' authenticator key (they must use two-step verification).</summary>
    public const string TotpSecret = DemoCity.DemoTotpSecret;

    // The last 30-second step whose code each login used: a code serves once, so the next
    // sign-in of the same person in the same step waits for the next code, as a person would.
    private readonly ConcurrentDictionary<string, long> _lastTotpStep = new(StringComparer.Ordinal);

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("preau-test-").FullName;
    private TestDatabase? _database;

    public DatabaseKind Kind { get; } = kind;

    public QueryCounter Queries { get; } = new();

    /// <summary>Starts at a school-day morning in Paris; tests move it forward.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 14, 7, 45, 0, TimeSpan.Zero));

    /// <summary>Extra settings for one test class (e.g. a tighter login throttle).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app is not initialized.");

    public virtual async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Kind, _folder);
        // Starting the server migrates and seeds, as the run command does (in memory, or on
        // Kestrel when a subclass asked for UseKestrel).
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Preau:DataPath", _folder);
        builder.UseSetting("Preau:SeedDemo", "true");
        // Each test makes the content it reads; the demo's own documents and messages are tested apart.
        builder.UseSetting("Preau:DemoContent", "false");
        builder.UseSetting("Preau:LogFormat", "text");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IInterceptor>(Queries);
            // A test-only shareable type ("tests.note"): sharing has no product module yet.
            services.AddTestNotes();
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public HttpClient CreateBrowserlikeClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as <paramref name="login"/> through the real login form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string login, string password = Password)
    {
        var client = CreateBrowserlikeClient();
        var response = await CompleteMfaAsync(client, await PostLoginAsync(client, login, password), login);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {login} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>
    /// The current authenticator code of <paramref name="secret"/> on the application's clock. For a
    /// <paramref name="login"/>, a step already used by that login is never given again: the clock
    /// moves on to the next step first (a code cannot be replayed).
    /// </summary>
    public string TotpCode(string secret = TotpSecret, string? login = null)
    {
        var step = Clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        if (login is not null)
        {
            if (_lastTotpStep.TryGetValue(login, out var last) && last >= step)
            {
                Clock.Advance(TimeSpan.FromSeconds((last - step + 1) * 30));
                step = last + 1;
            }

            _lastTotpStep[login] = step;
        }

        return new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// When a login answer leads to the second step (/login/mfa), gives the demo administrators'
    /// current code there and returns that answer (the one with the session cookie); any other
    /// answer is returned as it is.
    /// </summary>
    public async Task<HttpResponseMessage> CompleteMfaAsync(HttpClient client, HttpResponseMessage loginResponse, string login, bool trustDevice = false)
    {
        if (loginResponse.StatusCode != HttpStatusCode.Redirect || loginResponse.Headers.Location?.OriginalString != "/login/mfa")
        {
            return loginResponse;
        }

        var token = await AntiforgeryTokenAsync(client, "/login/mfa");
        var fields = new Dictionary<string, string> { ["__csrf"] = token, ["Code"] = TotpCode(login: login) };
        if (trustDevice)
        {
            fields["Trust"] = "true";
        }

        return await client.PostAsync("/login/mfa", new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts the login form with the antiforgery token of a freshly loaded login page.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string login, string password, bool remember = false)
    {
        var token = await AntiforgeryTokenAsync(client, "/login");
        var fields = new Dictionary<string, string>
        {
            ["__csrf"] = token,
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        };
        if (remember)
        {
            fields["Input.Remember"] = "true";
        }

        return await client.PostAsync("/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token in the first form of a page (and its cookie, kept by the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = Regex.Match(html, "name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"|type=\"hidden\" name=\"__csrf\" value=\"([^\"]+)\"|name=\"__csrf\" value=\"([^\"]+)\"");
        if (!match.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {path}.");
        }

        return match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the system's temporary-folder cleaning.
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The demo city's stable personas.</summary>
public static class Personas
{
    public const string Admin = "admin";
    public const string Isabelle = "isabelle.moreau";
    public const string Claire = "claire.martin";
    public const string Paul = "paul.bernard";
    public const string Lea = "lea.dubois";
    public const string Hugo = "hugo.dubois";
    public const string Sophie = "sophie.dubois";
    public const string Nina = "nina.petit";
    public const string Marc = "marc.petit";
    public const string Karim = "karim.benali";
}
