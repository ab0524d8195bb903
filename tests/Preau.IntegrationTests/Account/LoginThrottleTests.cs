using System.Net;
using System.Net.Http.Json;
using Preau.Platform.Security;
using Preau.Testing;

namespace Preau.IntegrationTests.Account;

/// <summary>
/// The login throttle through the login page and the API. Its counters live in the distributed
/// memory cache, which expires entries on the system clock, while the throttle reckons its
/// window on the application's TimeProvider. Both are the system clock in production; here the
/// fake clock is first brought to the system's time, or every counter would be stored already
/// expired (PreauApp's clock starts in the past) and nothing would ever be held.
/// </summary>
public abstract class LoginThrottleTests(PreauApp app)
{
    private const string Held = "Trop de tentatives de connexion. Par sécurité, patientez 15 minute(s) avant de réessayer.";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_five_failures_even_the_right_password_is_held_off()
    {
        for (var i = 0; i < 5; i++)
        {
            var failure = await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Karim, "wrong-" + i);
            Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        }

        var sixth = await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Karim, PreauApp.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), sixth.Headers.RetryAfter?.Delta);
        Assert.Equal(Held, (await Html.ReadAsync(sixth)).TextOf("#login-error"));
        Assert.False(sixth.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(AuthenticationSetup.CookieName + "=", StringComparison.Ordinal)));

        var api = await app.CreateBrowserlikeClient().PostAsJsonAsync("/api/v1/session", new { login = Personas.Karim, password = PreauApp.Password }, _ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(api.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_held_login_may_sign_in_again_once_the_window_is_over()
    {
        for (var i = 0; i < 5; i++)
        {
            await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Isabelle, "wrong-" + i);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Isabelle, PreauApp.Password)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.CreateBrowserlikeClient().PostLoginAsync(Personas.Isabelle, PreauApp.Password)).StatusCode);

        // The counter is still in the cache (its expiry is fifteen real minutes away); the
        // throttle itself lets go once its own clock leaves the window.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var client = app.CreateBrowserlikeClient();
        var released = await client.PostLoginAsync(Personas.Isabelle, PreauApp.Password);
        Assert.Equal("/login/mfa", released.RedirectTarget());
        Assert.Equal("/", (await app.CompleteMfaAsync(client, released, Personas.Isabelle)).RedirectTarget());
    }

    [Fact]
    public async Task An_unknown_login_is_held_like_a_known_one()
    {
        for (var i = 0; i < 5; i++)
        {
            await app.CreateBrowserlikeClient().PostLoginAsync("nobody.at.all", "wrong-" + i);
        }

        var sixth = await app.CreateBrowserlikeClient().PostLoginAsync("nobody.at.all", "wrong-6");

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(Held, (await Html.ReadAsync(sixth)).TextOf("#login-error"));
    }

    [Fact]
    public async Task An_address_trying_many_logins_is_held_for_every_login()
    {
        // Behind the load balancer the client's address comes in X-Forwarded-For (loopback
        // addresses here, so that the cookies stay usable over the test server's plain HTTP).
        for (var i = 0; i < ThrottledApp.FailuresPerAddress; i++)
        {
            var failure = await From("127.0.0.21").PostLoginAsync($"guess.{i}", "wrong");
            Assert.Equal(HttpStatusCode.OK, failure.StatusCode);
        }

        var heldAddress = await From("127.0.0.21").PostLoginAsync(Personas.Marc, PreauApp.Password);
        var otherAddress = await From("127.0.0.22").PostLoginAsync(Personas.Marc, PreauApp.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, heldAddress.StatusCode);
        Assert.Equal(Held, (await Html.ReadAsync(heldAddress)).TextOf("#login-error"));
        Assert.Equal("/", otherAddress.RedirectTarget());
    }

    private HttpClient From(string address)
    {
        var client = app.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}

/// <summary>The demo city with its clock on the system's time and a per-address limit small enough to reach.</summary>
public class ThrottledApp(DatabaseKind kind) : PreauApp(kind)
{
    public const int FailuresPerAddress = 4;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:LoginThrottle:FailuresPerLogin"] = "5",
        ["Security:LoginThrottle:FailuresPerAddress"] = FailuresPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Security:LoginThrottle:Window"] = "00:15:00",
    };

    public override ValueTask InitializeAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        if (now > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(now);
        }

        return base.InitializeAsync();
    }
}

public sealed class SqliteThrottledApp() : ThrottledApp(DatabaseKind.Sqlite);

public sealed class PostgresThrottledApp() : ThrottledApp(DatabaseKind.Postgres);

public sealed class SqliteLoginThrottleTests(SqliteThrottledApp app) : LoginThrottleTests(app), IClassFixture<SqliteThrottledApp>;

public sealed class PostgresLoginThrottleTests(PostgresThrottledApp app) : LoginThrottleTests(app), IClassFixture<PostgresThrottledApp>;
