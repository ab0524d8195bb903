using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Mailbox;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Search;

public sealed record SearchPage(string Query, IReadOnlyList<MessageLine> Lines, int Page, bool HasMore);

/// <summary>
/// Searches the person's own messages (every folder but the trash) by subject, sender and text,
/// accents and case aside, newest first, page by page. A message recalled from the person is not
/// found: its text is no longer theirs.
/// </summary>
public sealed class SearchMessages(PreauDbContext db, ReadMailbox mailbox)
{
    public const int PageSize = 25;
    public const int MinLength = 2;

    public async Task<SearchPage> HandleAsync(UserContext me, string? query, int page, CancellationToken ct)
    {
        var text = (query ?? "").Trim();
        var folded = UserSearchName.Fold(text);
        page = Math.Clamp(page, 1, 1000);
        if (folded.Length < MinLength)
        {
            return new SearchPage(text, [], page, false);
        }

        var pattern = "%" + folded.Replace("\\", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
        var entries = db.Set<MailboxEntry>().AsNoTracking()
            .Where(e => e.UserId == me.Id && e.FolderId != SystemFolders.Trash)
            .Where(e => db.Set<Message>().Any(m => m.Id == e.MessageId && !(m.State == MessageState.Recalled && e.Received) && EF.Functions.Like(m.SearchText, pattern)));
        var rows = await mailbox.Lines(entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.MessageId).Skip((page - 1) * PageSize).Take(PageSize + 1)).ToListAsync(ct);
        var lines = await mailbox.WithRecipientsAsync([.. rows.Take(PageSize)], ct);
        return new SearchPage(text, lines, page, rows.Count > PageSize);
    }
}
