using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Preau.Feed.Live;
using Preau.IntegrationTests.Communication;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// Two nodes of one Préau (one database) sharing one Redis: a page open on node A hears what is
/// published on node B, through the SignalR backplane that Redis:Configuration turns on.
/// </summary>
public sealed class LiveAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_page_open_on_one_node_hears_a_publication_made_on_another()
    {
        Assert.IsType<RedisHubLifetimeManager<FeedHub>>(nodes.A.Services.GetRequiredService<HubLifetimeManager<FeedHub>>());
        await using var sophie = await LiveListener.OpenAsync(nodes.A, Personas.Sophie);
        await using var paul = await LiveListener.OpenAsync(nodes.A, Personas.Paul);

        var parents = await nodes.B.GroupAsync("CE2 A", Profile.Relative);
        var toParents = await nodes.B.PublishAsync(FeedData.Note(await nodes.B.PersonAsync(Personas.Claire), "Sortie à la ferme", groups: [parents]));
        Assert.Equal(toParents.EventId, await sophie.NextAsync());

        // Node B names Paul; he hears that first, so the class's publication did not reach him.
        var toPaul = await nodes.B.PublishAsync(FeedData.Note(null, "Conseil de classe", users: [await nodes.B.PersonAsync(Personas.Paul)]));
        Assert.Equal(toPaul.EventId, await paul.NextAsync());
    }
}

/// <summary>A Redis server and two nodes on one database, both with the backplane on.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private RedisServer? _redis;

    public PreauApp A { get; private set; } = null!;

    public PreauApp B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        A = new RedisNode(_redis.Configuration, sameDatabaseAs: null);
        await A.InitializeAsync();
        B = new RedisNode(_redis.Configuration, sameDatabaseAs: A);
        await B.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    /// <summary>One node: its own data folder, the first node's database when given, the shared Redis.</summary>
    private sealed class RedisNode(string redis, PreauApp? sameDatabaseAs) : PreauApp(DatabaseKind.Sqlite)
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = new Dictionary<string, string?>
                {
                    ["Redis:Configuration"] = redis,
                    ["Redis:ChannelPrefix"] = "preau-test",
                };
                if (sameDatabaseAs is not null)
                {
                    settings["Database:ConnectionString"] = sameDatabaseAs.Database.ConnectionString;
                }

                return settings;
            }
        }
    }
}
