using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Platform.Feed;

namespace Preau.Feed.Push;

/// <summary>A publication to push: the event and its type.</summary>
internal sealed record PushJob(long EventId, string Type);

/// <summary>
/// Publications waiting to be pushed, in memory on the node that published: a bounded channel, so
/// publishing never waits for push services; when it is full (push services down for long) new
/// publications are not pushed, and say so in the log, while the feed itself has them.
/// </summary>
internal sealed partial class PushQueue(IOptions<PushOptions> options, ILogger<PushQueue> logger)
{
    private readonly Channel<PushJob> _jobs = Channel.CreateBounded<PushJob>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity))
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private long _done;

    public ChannelReader<PushJob> Reader => _jobs.Reader;

    /// <summary>How many publications were handled since start (pushed, or found without devices to push to).</summary>
    public long Done => Interlocked.Read(ref _done);

    public void Enqueue(PushJob job)
    {
        if (!_jobs.Writer.TryWrite(job))
        {
            LogDropped(logger, job.EventId);
        }
    }

    internal void MarkDone() => Interlocked.Increment(ref _done);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Push queue full: event {EventId} is not pushed")]
    private static partial void LogDropped(ILogger logger, long eventId);
}

/// <summary>After each publication, hands it to the push queue: nothing is sent on the publisher's request.</summary>
internal sealed class PushOnPublish(PushQueue queue) : IFeedListener
{
    public Task OnPublishedAsync(FeedPublished published, CancellationToken ct)
    {
        // A repeat merged into an earlier event rings again only when it reached new people; the
        // notification's tag makes the device replace the earlier one rather than add a second.
        if (!published.Merged || published.NewRecipients > 0)
        {
            queue.Enqueue(new PushJob(published.EventId, published.Type.Key));
        }

        return Task.CompletedTask;
    }
}
