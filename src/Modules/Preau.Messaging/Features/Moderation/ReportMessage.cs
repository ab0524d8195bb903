using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Moderation;

/// <summary>
/// A recipient reports a message to the ADMLs of a school they share with its sender (else their
/// own first school). The message stays in their box unless they delete it; reporting twice
/// changes nothing.
/// </summary>
public sealed class ReportMessage(PreauDbContext db, TimeProvider clock)
{
    public const int ReasonMaxLength = 500;

    public async Task<Outcome<Done>> HandleAsync(UserContext me, Guid messageId, string? reason, CancellationToken ct)
    {
        var held = await db.Set<MailboxEntry>().AnyAsync(e => e.UserId == me.Id && e.MessageId == messageId && e.Received, ct);
        var message = held ? await db.Set<Message>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && m.State == MessageState.Sent, ct) : null;
        if (message is null)
        {
            return Outcome.NotFound<Done>();
        }

        var text = reason?.Trim();
        if (text?.Length > ReasonMaxLength)
        {
            return Outcome.Invalid<Done>("Reason", "Error.ReasonTooLong");
        }

        if (await db.Set<MessageReport>().AnyAsync(r => r.MessageId == messageId && r.ReporterId == me.Id, ct))
        {
            return new Done();
        }

        var mine = me.Structures.Select(s => s.Id).ToList();
        var shared = await db.GroupMembers.Where(m => m.UserId == message.SenderId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g.StructureId)
            .Where(s => mine.Contains(s)).Distinct().ToListAsync(ct);
        var structure = shared.Count > 0 ? mine.First(shared.Contains) : mine.Count > 0 ? mine[0] : (Guid?)null;
        if (structure is null)
        {
            return Outcome.Invalid<Done>("Reason", "Error.NoSchoolToReportTo");
        }

        db.Add(new MessageReport
        {
            Id = Guid.CreateVersion7(), MessageId = messageId, ReporterId = me.Id, StructureId = structure.Value,
            Reason = string.IsNullOrEmpty(text) ? null : text, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return new Done();
    }
}
