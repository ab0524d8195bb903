using System.Globalization;
using Preau.Platform.Feed;
using Preau.Platform.Jobs;

namespace Preau.Feed.Delivery;

/// <summary>
/// After a publication, one job for the event's immediate emails: the publisher's request only
/// writes a row, and any node sends. A merged repeat that reached new people enqueues one more
/// job for the same event, which emails only those not emailed yet.
/// </summary>
internal sealed class ImmediateMailListener(JobQueue jobs) : IFeedListener
{
    public async Task OnPublishedAsync(FeedPublished published, CancellationToken ct)
    {
        if (published.Merged && published.NewRecipients == 0)
        {
            return;
        }

        var key = published.Merged
            ? $"{ImmediateMailJob.Kind}:{published.EventId.ToString(CultureInfo.InvariantCulture)}:{Guid.NewGuid():N}"
            : $"{ImmediateMailJob.Kind}:{published.EventId.ToString(CultureInfo.InvariantCulture)}";
        await jobs.EnqueueAsync(ImmediateMailJob.Kind, new ImmediateMailJob.Payload(published.EventId), uniqueKey: key, ct: ct);
    }
}

/// <summary>Emails one event's item to the people who get its type at once (and have an address).</summary>
internal sealed class ImmediateMailJob(FeedMailing mailing) : IJobHandler
{
    public const string Kind = "feed.mail.immediate";

    public sealed record Payload(long EventId);

    public Task RunAsync(JobContext job, CancellationToken ct)
    {
        var eventId = job.Read<Payload>().EventId;
        return mailing.SendAsync(FeedMailKind.Immediate, MailScope.Event(eventId), FeedChannel.Immediate,
            "event:" + eventId.ToString(CultureInfo.InvariantCulture), ct);
    }
}
