using Microsoft.EntityFrameworkCore;
using Preau.Homework.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Homework.Features;

/// <summary>A homework as its book shows it: for how many pupils, how many ticked it done.</summary>
public sealed record BookHomework(HwHomework Homework, int Pupils, int DoneCount, IReadOnlyList<Guid> Targets);

/// <summary>A stretch of a book: its lessons and the homework given or due in it, and its visas.</summary>
public sealed record BookPage(BookView View, DateOnly From, DateOnly To, IReadOnlyList<HwSession> Sessions, IReadOnlyList<BookHomework> Homework, IReadOnlyList<HwVisa> Visas,
    IReadOnlyDictionary<Guid, string> Signers);

/// <summary>
/// A book for its writers and readers (teachers, direction, inspector): the lessons dated in a
/// stretch of days and the homework due in it, each with "18/25 ont fait"; prepared entries not yet
/// visible are shown to them too. Families read homework through <see cref="ToDo"/>.
/// </summary>
public sealed class ReadBook(PreauDbContext db, HomeworkAccess access)
{
    public async Task<BookPage?> PageAsync(UserContext me, Guid bookId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var view = await access.FindAsync(me, bookId, ct);
        if (view is not { SeesAll: true } || to < from || to.DayNumber - from.DayNumber > 370)
        {
            return null;
        }

        var sessions = await db.Set<HwSession>().AsNoTracking().Where(s => s.BookId == bookId && s.Date >= from && s.Date <= to)
            .OrderBy(s => s.Date).ThenBy(s => s.Start).ToListAsync(ct);
        var homework = await db.Set<HwHomework>().AsNoTracking().Where(h => h.BookId == bookId && h.DueOn >= from && h.DueOn <= to)
            .OrderBy(h => h.DueOn).ThenBy(h => h.CreatedAt).ToListAsync(ct);
        var ids = homework.Select(h => h.Id).ToList();
        var done = ids.Count == 0 ? [] : await db.Set<HwDone>().AsNoTracking().Where(d => ids.Contains(d.HomeworkId))
            .GroupBy(d => d.HomeworkId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var targets = ids.Count == 0 ? [] : await db.Set<HwTarget>().AsNoTracking().Where(t => ids.Contains(t.HomeworkId)).ToListAsync(ct);
        var audience = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == view.Book.AudienceGroupId)
            .Join(db.Users.Where(u => u.Profile == Profile.Student), m => m.UserId, u => u.Id, (m, u) => u.Id).CountAsync(ct);
        var visas = await db.Set<HwVisa>().AsNoTracking().Where(v => v.BookId == bookId).OrderByDescending(v => v.SignedAt).Take(20).ToListAsync(ct);
        var signerIds = visas.Select(v => v.SignedBy).Distinct().ToList();
        var signers = signerIds.Count == 0 ? new Dictionary<Guid, string>() : await db.Users.AsNoTracking().Where(u => signerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var doneBy = done.ToDictionary(d => d.Key, d => d.Count);
        var targetsBy = targets.ToLookup(t => t.HomeworkId, t => t.PupilId);
        return new BookPage(view, from, to, sessions,
            [.. homework.Select(h => new BookHomework(h, h.Targeted ? targetsBy[h.Id].Count() : audience, doneBy.GetValueOrDefault(h.Id), [.. targetsBy[h.Id]]))],
            visas, signers);
    }

    /// <summary>A homework as its writer changes it: its book, itself, its targeted pupils; null for anyone who may not write it.</summary>
    public async Task<(BookView View, HwHomework Homework, IReadOnlyList<Guid> Targets)?> HomeworkToEditAsync(UserContext me, Guid homeworkId, CancellationToken ct)
    {
        var homework = await db.Set<HwHomework>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == homeworkId, ct);
        var view = homework is null ? null : await access.FindAsync(me, homework.BookId, ct);
        if (homework is null || view is not { CanWrite: true })
        {
            return null;
        }

        var targets = await db.Set<HwTarget>().AsNoTracking().Where(t => t.HomeworkId == homeworkId).Select(t => t.PupilId).ToListAsync(ct);
        return (view, homework, targets);
    }

    /// <summary>A lesson as its writer changes it; null for anyone who may not write it.</summary>
    public async Task<(BookView View, HwSession Session)?> SessionToEditAsync(UserContext me, Guid sessionId, CancellationToken ct)
    {
        var session = await db.Set<HwSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        var view = session is null ? null : await access.FindAsync(me, session.BookId, ct);
        return session is null || view is not { CanWrite: true } ? null : (view, session);
    }

    /// <summary>The pupils of a book's audience, for targeting homework: first names and names, sorted.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> PupilsAsync(BookView view, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(view);
        var pupils = await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == view.Book.AudienceGroupId)
            .Join(db.Users.Where(u => u.Profile == Profile.Student), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.LastName, u.FirstName })
            .ToListAsync(ct);
        return [.. pupils.OrderBy(p => p.LastName, StringComparer.CurrentCulture).ThenBy(p => p.FirstName, StringComparer.CurrentCulture).Select(p => (p.Id, $"{p.FirstName} {p.LastName}"))];
    }
}
