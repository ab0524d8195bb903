using System.Net;
using Preau.Testing;

namespace Preau.IntegrationTests.Account;

public abstract class SignInTests(PreauApp app)
{
    [Fact]
    public async Task A_persona_signs_in_and_reaches_the_home_page()
    {
        var client = await app.SignedInClientAsync(Personas.Lea);

        var home = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Bonjour Léa", await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

public sealed class SqliteSignInTests(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSignInTests(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
