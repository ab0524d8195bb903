using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Preau.Feed.Live;
using Preau.Platform.Feed;

namespace Preau.UnitTests.Feed;

/// <summary>The real-time hub keeps its connections in memory on one node, and shares them through Redis once Redis is configured.</summary>
public sealed class LiveBackplaneTests
{
    [Fact]
    public void Without_Redis_the_hub_keeps_its_connections_in_memory()
    {
        var services = Services(new Dictionary<string, string?>());

        Assert.Equal(typeof(DefaultHubLifetimeManager<>), LifetimeManager(services));
        Assert.Contains(services, d => d.ServiceType == typeof(IFeedListener) && d.ImplementationType == typeof(LiveFeedListener));
    }

    [Fact]
    public void With_Redis_configured_the_hub_uses_the_Redis_backplane_under_the_instance_s_prefix()
    {
        var services = Services(new Dictionary<string, string?> { ["Redis:Configuration"] = "redis.internal:6380,password=secret" });

        Assert.Equal(typeof(RedisHubLifetimeManager<>), LifetimeManager(services));
        using var provider = services.BuildServiceProvider();
        var redis = provider.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration;
        Assert.Equal("preau:live", redis.ChannelPrefix.ToString());
        Assert.EndsWith("redis.internal:6380", redis.EndPoints.Single().ToString(), StringComparison.Ordinal);
        Assert.False(redis.AbortOnConnectFail);
    }

    [Fact]
    public void Two_instances_on_one_Redis_keep_apart_by_their_channel_prefix()
    {
        var services = Services(new Dictionary<string, string?> { ["Redis:Configuration"] = "127.0.0.1:6379", ["Redis:ChannelPrefix"] = "ent-lyon" });

        using var provider = services.BuildServiceProvider();
        Assert.Equal("ent-lyon:live", provider.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration.ChannelPrefix.ToString());
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        LiveSetup.AddFeedLive(services, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }

    private static Type? LifetimeManager(ServiceCollection services) =>
        services.Last(d => d.ServiceType == typeof(HubLifetimeManager<>)).ImplementationType;
}
