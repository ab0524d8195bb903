using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Messaging.Domain;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Recall;

/// <summary>
/// The sender takes a message back within the recall delay (60 minutes by default): its text and
/// files leave every recipient's box at once, each of them sees in its place that it was recalled,
/// no longer as unread, and its notification leaves their feed.
/// </summary>
public sealed class RecallMessage(PreauDbContext db, FeedPublisher feed, TimeProvider clock, IOptions<MessagingOptions> options)
{
    public async Task<Outcome<Done>> HandleAsync(UserContext me, Guid messageId, CancellationToken ct)
    {
        var message = await db.Set<Message>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.SenderId == me.Id, ct);
        if (message is null || !await db.Set<MailboxEntry>().AnyAsync(e => e.UserId == me.Id && e.MessageId == messageId, ct))
        {
            return Outcome.NotFound<Done>();
        }

        var now = clock.GetUtcNow();
        if (message.State != MessageState.Sent)
        {
            return Outcome.Invalid<Done>("Recall", message.State == MessageState.Recalled ? "Error.AlreadyRecalled" : "Error.NotSent");
        }

        var deadline = message.SentAt!.Value + options.Value.RecallDelay;
        if (now >= deadline)
        {
            return Outcome.Invalid<Done>("Recall", "Error.RecallTooLate");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Conditional on the state and the deadline, so a recall at the last second wins or loses cleanly.
            var changed = await db.Set<Message>().Where(m => m.Id == messageId && m.State == MessageState.Sent && m.SentAt > now - options.Value.RecallDelay)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MessageState.Recalled).SetProperty(m => m.RecalledAt, now).SetProperty(m => m.UpdatedAt, now), ct);
            if (changed == 0)
            {
                return Outcome.Invalid<Done>("Recall", "Error.RecallTooLate");
            }

            await db.Set<MailboxEntry>().Where(e => e.MessageId == messageId && e.Received && e.Unread)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Unread, false), ct);
            await feed.WithdrawAsync(MessagingFeed.ResourceKey(messageId), ct);
            await transaction.CommitAsync(ct);
        }

        return new Done();
    }
}
