using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Platform.Feed;
using Preau.Platform.Jobs;
using Preau.Platform.Persistence;

namespace Preau.Feed.Delivery;

/// <summary>
/// The digests: at each occurrence of its schedule, one email per person with their unread, not
/// hidden items of the period (the previous occurrence, this one] whose type they get in this
/// digest. Nobody with nothing new is emailed; the record of each period's emails makes a retry
/// or a second run send nothing twice.
/// </summary>
internal abstract class DigestJob(FeedMailing mailing, PreauDbContext db, TimeProvider clock, IOptions<DigestOptions> options) : IJobHandler
{
    protected abstract FeedMailKind MailKind { get; }

    protected abstract FeedChannel Channel { get; }

    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var period = job.Occurrence;
        var key = (MailKind == FeedMailKind.Daily ? "daily:" : "weekly:") + period.At.UtcTicks.ToString(CultureInfo.InvariantCulture);
        await mailing.SendAsync(MailKind, MailScope.Period(period.Since, period.At), Channel, key, ct);

        // Records older than any retry are no longer needed.
        var before = clock.GetUtcNow() - options.Value.KeepSends;
        await db.Set<FeedMailSend>().Where(s => s.SentAt < before).ExecuteDeleteAsync(ct);
    }
}

internal sealed class DailyDigestJob(FeedMailing mailing, PreauDbContext db, TimeProvider clock, IOptions<DigestOptions> options)
    : DigestJob(mailing, db, clock, options)
{
    public const string Kind = "feed.digest.daily";

    protected override FeedMailKind MailKind => FeedMailKind.Daily;

    protected override FeedChannel Channel => FeedChannel.Daily;
}

internal sealed class WeeklyDigestJob(FeedMailing mailing, PreauDbContext db, TimeProvider clock, IOptions<DigestOptions> options)
    : DigestJob(mailing, db, clock, options)
{
    public const string Kind = "feed.digest.weekly";

    protected override FeedMailKind MailKind => FeedMailKind.Weekly;

    protected override FeedChannel Channel => FeedChannel.Weekly;
}
