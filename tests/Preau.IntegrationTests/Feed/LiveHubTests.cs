using System.Net;
using Preau.IntegrationTests.Communication;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// Real time: the hub at /hubs/fil takes signed-in people only, and a publication is heard by the
/// open pages of its audience (by group and by name), never by others nor by its actor.
/// </summary>
public abstract class LiveHubTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_people_cannot_listen()
    {
        using var client = app.CreateBrowserlikeClient();
        var negotiate = await client.PostAsync("/hubs/fil/negotiate?negotiateVersion=1", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);

        await using var connection = LiveListener.Connect(app, new CookieContainer());
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_publication_to_a_class_s_parents_is_heard_by_them_and_by_no_one_else()
    {
        await using var sophie = await LiveListener.OpenAsync(app, Personas.Sophie);
        await using var claire = await LiveListener.OpenAsync(app, Personas.Claire);
        await using var paul = await LiveListener.OpenAsync(app, Personas.Paul);
        await using var lea = await LiveListener.OpenAsync(app, Personas.Lea);

        var parents = await app.GroupAsync("CE2 A", Profile.Relative);
        var toParents = await app.PublishAsync(FeedData.Note(await app.PersonAsync(Personas.Claire), "Réunion de rentrée", groups: [parents]));
        Assert.Equal(toParents.EventId, await sophie.NextAsync());

        // A second event to the others by name: each hears it first, so none heard the first one
        // (a connection hears its messages in the order they were sent).
        var byName = await app.PublishAsync(FeedData.Note(null, "Menu de la cantine",
            users: [await app.PersonAsync(Personas.Claire), await app.PersonAsync(Personas.Paul), await app.PersonAsync(Personas.Lea)]));
        Assert.Equal(byName.EventId, await claire.NextAsync()); // the actor of the first
        Assert.Equal(byName.EventId, await paul.NextAsync()); // another school
        Assert.Equal(byName.EventId, await lea.NextAsync()); // a pupil of the class, not a parent
        Assert.True(await app.SeesAsync(await app.PersonAsync(Personas.Sophie), toParents.EventId), "What the page heard of is in the parent's feed.");
    }

    [Fact]
    public async Task The_actor_s_own_pages_do_not_hear_of_her_publication()
    {
        var claireId = await app.PersonAsync(Personas.Claire);
        await using var claire = await LiveListener.OpenAsync(app, Personas.Claire);
        await using var lea = await LiveListener.OpenAsync(app, Personas.Lea);

        // Claire is a member of her class's teachers' group and named too: still not told of her own event.
        var teachers = await app.GroupAsync("CE2 A", Profile.Teacher);
        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var own = await app.PublishAsync(FeedData.Note(claireId, "Poésie", groups: [teachers, pupils], users: [claireId]));
        Assert.Equal(own.EventId, await lea.NextAsync());

        var other = await app.PublishAsync(FeedData.Note(await app.PersonAsync(Personas.Isabelle), "Conseil d'école", users: [claireId]));
        Assert.Equal(other.EventId, await claire.NextAsync());
    }

    [Fact]
    public async Task A_repeat_that_reaches_no_one_new_is_not_told_again()
    {
        var claireId = await app.PersonAsync(Personas.Claire);
        var leaId = await app.PersonAsync(Personas.Lea);
        await using var lea = await LiveListener.OpenAsync(app, Personas.Lea);

        var first = await app.PublishAsync(FeedData.Note(claireId, "Devoirs", users: [leaId], resource: "tests.note:live-repeat"));
        Assert.Equal(first.EventId, await lea.NextAsync());
        var repeat = await app.PublishAsync(FeedData.Note(claireId, "Devoirs (corrigé)", users: [leaId], resource: "tests.note:live-repeat"));
        Assert.True(repeat.Merged);

        var next = await app.PublishAsync(FeedData.Note(claireId, "Autre chose", users: [leaId]));
        Assert.Equal(next.EventId, await lea.NextAsync());
    }
}

public sealed class SqliteLiveHubTests(SqliteApp app) : LiveHubTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLiveHubTests(PostgresApp app) : LiveHubTests(app), IClassFixture<PostgresApp>;
