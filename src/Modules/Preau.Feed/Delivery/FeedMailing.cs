using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Platform.Feed;
using Preau.Platform.Mail;
using Preau.Platform.Persistence;

namespace Preau.Feed.Delivery;

/// <summary>
/// Sends one email of the feed to everyone it concerns, batch by batch: the next people not yet
/// recorded under the email's key, recorded before anything leaves, their items in one query,
/// their emails over one connection. Delivery goes straight to the transport from the job (not
/// through the in-memory queue, which drops past its bound and forgets on restart): a failing
/// server fails the job, which is tried again later, and the people not reached in the batch
/// are forgotten from the record so that the retry reaches them — and only them.
/// </summary>
internal sealed partial class FeedMailing(
    PreauDbContext db,
    MailAudience audience,
    FeedMails mails,
    IMailTransport transport,
    TimeProvider clock,
    IOptions<DigestOptions> options,
    ILogger<FeedMailing> logger)
{
    /// <summary>Returns how many emails left.</summary>
    public async Task<int> SendAsync(FeedMailKind kind, MailScope scope, FeedChannel channel, string key, CancellationToken ct)
    {
        var sent = 0;
        var size = Math.Clamp(options.Value.BatchSize, 1, 1000);
        while (true)
        {
            var people = await audience.NextPeopleAsync(scope, channel, key, size, ct);
            if (people.Count == 0)
            {
                return sent;
            }

            var now = clock.GetUtcNow();
            db.AddRange(people.Select(p => new FeedMailSend { UserId = p, Key = key, SentAt = now }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            var items = await audience.ItemsAsync(scope, channel, people, ct);
            var pending = people.ToHashSet();
            try
            {
                await using var batch = await transport.OpenBatchAsync(ct);
                foreach (var person in items.GroupBy(i => i.UserId))
                {
                    var message = mails.Compose(kind, [.. person]);
                    if (message is not null)
                    {
                        try
                        {
                            await batch.DeliverAsync(message, ct);
                            sent++;
                        }
                        catch (MailRejectedException e)
                        {
                            LogRejected(logger, e, MailQueue.Domain(person.First().Email));
                        }
                    }

                    pending.Remove(person.Key);
                }
            }
            catch (Exception) when (pending.Count > 0)
            {
                // Not sent: forget them, so the job's next attempt reaches them.
                var unsent = pending.ToList();
                await db.Set<FeedMailSend>().Where(s => s.Key == key && unsent.Contains(s.UserId)).ExecuteDeleteAsync(CancellationToken.None);
                throw;
            }
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "The mail server refused a {Domain} address for a feed email")]
    private static partial void LogRejected(ILogger logger, Exception exception, string domain);
}
