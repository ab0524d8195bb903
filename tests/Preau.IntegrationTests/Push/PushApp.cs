using Microsoft.Extensions.DependencyInjection;
using Preau.Feed.Push;
using Preau.Testing;

namespace Preau.IntegrationTests.Push;

/// <summary>An application whose push notifications go to a <see cref="FakePushService"/> on loopback.</summary>
public abstract class PushApp(DatabaseKind kind) : PreauApp(kind)
{
    public FakePushService PushService { get; } = FakePushService.Start();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Push:AllowLoopback"] = "true",
        ["Push:Subject"] = "mailto:ent@ville.example",
    };

    /// <summary>Waits until the background sender handled <paramref name="count"/> more publications than <paramref name="before"/>.</summary>
    internal async Task WaitForPushAsync(long before, int count = 1)
    {
        var queue = Services.GetRequiredService<PushQueue>();
        var until = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (queue.Done < before + count)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, "The push sender did not handle the publication within 30 s.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    internal long PushesDone => Services.GetRequiredService<PushQueue>().Done;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await PushService.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePushApp() : PushApp(DatabaseKind.Sqlite);

public sealed class PostgresPushApp() : PushApp(DatabaseKind.Postgres);
