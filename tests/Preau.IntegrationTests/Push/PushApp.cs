using Microsoft.EntityFrameworkCore;
using Preau.Feed.Push;
using Preau.Platform.Jobs;
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

    /// <summary>Waits until push jobs finished <paramref name="count"/> more publications than <paramref name="before"/>.</summary>
    internal async Task WaitForPushAsync(long before, int count = 1)
    {
        var until = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (await PushesDoneAsync() < before + count)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, "The push job did not run within 30 s.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>How many push jobs (one per publication) have finished.</summary>
    internal Task<int> PushesDoneAsync() =>
        this.WithDbAsync(db => db.Set<Job>().CountAsync(j => j.Kind == PushDelivery.Kind && j.State == JobState.Done, TestContext.Current.CancellationToken));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await PushService.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePushApp() : PushApp(DatabaseKind.Sqlite);

public sealed class PostgresPushApp() : PushApp(DatabaseKind.Postgres);
