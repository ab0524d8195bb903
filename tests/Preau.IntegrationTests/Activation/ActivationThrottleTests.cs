using System.Net;
using Preau.IntegrationTests.Account;
using Preau.Platform.Kernel;

namespace Preau.IntegrationTests.Activation;

/// <summary>Guessing codes is throttled like guessing passwords: per login, on the page and on the login form alike.</summary>
public abstract class ActivationThrottleTests(ThrottledApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_five_wrong_codes_even_the_right_one_is_held_off()
    {
        var login = (await Accounts.OfClassAsync(app, "CM2 A", "0751235B", Profile.Student))[0];
        var code = await Accounts.IssueCodeAsync(app, login);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Accounts.CheckAsync(app.CreateBrowserlikeClient(), login, $"WRNG-C0D{i + 2}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var held = await Accounts.CheckAsync(app.CreateBrowserlikeClient(), login, code);
        Assert.Equal(HttpStatusCode.TooManyRequests, held.StatusCode);
        Assert.NotNull(held.Headers.RetryAfter?.Delta);
        Assert.Null((await Html.ReadAsync(held)).QuerySelector("#new-password"));
        // The same counter holds the login form: codes cannot be tried there instead.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.CreateBrowserlikeClient().PostLoginAsync(login, code)).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await Accounts.CheckAsync(app.CreateBrowserlikeClient(), login, code)).StatusCode);
    }
}

public sealed class SqliteActivationThrottleTests(SqliteThrottledApp app) : ActivationThrottleTests(app), IClassFixture<SqliteThrottledApp>;

public sealed class PostgresActivationThrottleTests(PostgresThrottledApp app) : ActivationThrottleTests(app), IClassFixture<PostgresThrottledApp>;
