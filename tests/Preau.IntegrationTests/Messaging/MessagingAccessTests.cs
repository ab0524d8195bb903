using System.Net;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// The messagerie's pages and endpoints are closed, like its API, to whoever does not hold its
/// access right (a school may close the application for a profile): 403, not the page.
/// </summary>
public abstract class MessagingAccessTests(MessagingApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Paths =>
    [
        "/messagerie",
        "/messagerie/dossier/envoyes",
        "/messagerie/ecrire",
        "/messagerie/recherche?q=bonjour",
        "/messagerie/dossiers",
        "/messagerie/compteurs",
        "/messagerie/destinataires?q=martin",
        "/api/v1/messages/unread",
    ];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Without_the_messaging_right_every_door_answers_403(string path)
    {
        // The API's own test shows the SuperAdmin holds no messaging right in the demo city.
        var admin = await app.SignedInClientAsync(Personas.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(path, Ct)).StatusCode);

        var claire = await app.SignedInClientAsync(Personas.Claire);
        Assert.Equal(HttpStatusCode.OK, (await claire.GetAsync(path, Ct)).StatusCode);
    }
}

public sealed class SqliteMessagingAccessTests(SqliteMessagingApp app) : MessagingAccessTests(app), IClassFixture<SqliteMessagingApp>;

public sealed class PostgresMessagingAccessTests(PostgresMessagingApp app) : MessagingAccessTests(app), IClassFixture<PostgresMessagingApp>;
