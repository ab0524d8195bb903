using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Mailbox;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Api;

/// <summary>
/// The API's scope check for actions on several messages at once: every id must be one the caller
/// holds, else the whole call answers 404 and nothing changes, as for one message out of scope.
/// (The use cases themselves pass over ids the person does not hold.)
/// </summary>
internal static class HeldMessages
{
    public static async Task<bool> HoldAllAsync(PreauDbContext db, UserContext me, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().Take(OrganizeMessages.MaxBatch).ToList();
        return await db.Set<MailboxEntry>().CountAsync(e => e.UserId == me.Id && list.Contains(e.MessageId), ct) == list.Count;
    }
}
