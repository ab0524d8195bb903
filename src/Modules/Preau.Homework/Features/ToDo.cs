using Microsoft.EntityFrameworkCore;
using Preau.Homework.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Homework.Features;

/// <summary>One homework in a pupil's list.</summary>
public sealed record ToDoItem(
    Guid Id,
    Guid BookId,
    string Subject,
    HomeworkKind Kind,
    string Description,
    string Summary,
    DateOnly GivenOn,
    DateOnly DueOn,
    int? Minutes,
    bool Done,
    bool Targeted,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AttachmentView> Attachments);

/// <summary>A day of the list: what is due that day.</summary>
public sealed record ToDoDay(DateOnly Date, IReadOnlyList<ToDoItem> Items);

/// <summary>
/// A pupil's "À faire": what is late (not done, due in the last two weeks), then day by day what
/// is due from today on, for three weeks; the evening's work (not done, due on the next school day)
/// and the week's (not done, due within seven days), in minutes, from the teachers' estimates.
/// </summary>
public sealed record ToDoList(Guid PupilId, string FirstName, DateOnly Today, DateOnly NextSchoolDay, IReadOnlyList<ToDoItem> Overdue, IReadOnlyList<ToDoDay> Days, int EveningMinutes, int WeekMinutes)
{
    public int Count => Overdue.Count + Days.Sum(d => d.Items.Count);

    /// <summary>What is left to do: the late ones and those to come not ticked yet.</summary>
    public int Pending => Overdue.Count + Days.Sum(d => d.Items.Count(i => !i.Done));
}

/// <summary>
/// Reads the pupils' homework: their own (a pupil), each of their children's (a parent: one list
/// per child, in every school), an étude group's pupils' (the animator). At most five commands
/// whatever the number of children: their groups, the homework of those groups in the window with
/// the subjects, the targets, the ticks and the attached documents.
/// </summary>
public sealed class ToDo(PreauDbContext db, HomeworkAccess access, HomeworkAttachments attachments, SchoolCalendar calendar, TimeProvider clock)
{
    public const int LateDays = 14;

    public const int AheadDays = 21;

    public async Task<ToDoList> ForPupilAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (me.Profile != Profile.Student)
        {
            throw new InvalidOperationException("Only a pupil has their own list.");
        }

        return (await ListsAsync([(me.Id, me.FirstName)], ct))[0];
    }

    /// <summary>A parent's children, each with their list, in the order of the person's context.</summary>
    public Task<IReadOnlyList<ToDoList>> ForChildrenAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return ListsAsync([.. me.Children.Select(c => (c.Id, c.FirstName))], ct);
    }

    /// <summary>The lists of the given pupils (whom the caller has checked the person may see).</summary>
    internal async Task<IReadOnlyList<ToDoList>> ListsAsync(IReadOnlyList<(Guid Id, string FirstName)> pupils, CancellationToken ct, DateOnly? onlyDue = null)
    {
        if (pupils.Count == 0)
        {
            return [];
        }

        var today = calendar.Today();
        var next = calendar.NextSchoolDay(today);
        var weekEnd = today.AddDays(7);
        var itemsOf = await ItemsAsync([.. pupils.Select(p => p.Id)], onlyDue ?? today.AddDays(-LateDays), onlyDue ?? today.AddDays(AheadDays), ct);
        var lists = new List<ToDoList>(pupils.Count);
        foreach (var (id, firstName) in pupils)
        {
            var items = itemsOf[id];
            var overdue = onlyDue is null ? items.Where(i => i.DueOn < today && !i.Done).ToList() : [];
            var days = items.Where(i => i.DueOn >= today || onlyDue is not null).GroupBy(i => i.DueOn).Select(g => new ToDoDay(g.Key, [.. g])).ToList();
            var evening = items.Where(i => i.DueOn == next && !i.Done).Sum(i => i.Minutes ?? 0);
            var week = items.Where(i => i.DueOn > today && i.DueOn <= weekEnd && !i.Done).Sum(i => i.Minutes ?? 0);
            lists.Add(new ToDoList(id, firstName, today, next, overdue, days, evening, week));
        }

        return lists;
    }

    /// <summary>
    /// Each pupil's homework due between two days (done or not), in due order: five commands
    /// whatever the number of pupils (their groups, the homework of those groups with the subjects,
    /// the targets, the ticks, the attached documents).
    /// </summary>
    internal async Task<ILookup<Guid, ToDoItem>> ItemsAsync(IReadOnlyCollection<Guid> pupilIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var groups = await access.GroupsOfAsync(pupilIds, ct);
        var groupIds = groups.SelectMany(g => g).Distinct().ToList();
        var now = clock.GetUtcNow();
        var rows = await db.Set<HwHomework>().AsNoTracking()
            .Where(h => groupIds.Contains(h.AudienceGroupId) && h.DueOn >= from && h.DueOn <= to && (h.VisibleFrom == null || h.VisibleFrom <= now))
            // The books of the same audiences only (a homework's audience is its book's): the family's
            // few books through their index, never a scan of every book of the platform.
            .Join(db.Set<HwBook>().Where(b => groupIds.Contains(b.AudienceGroupId)), h => h.BookId, b => b.Id, (h, b) => new { Homework = h, b.Subject })
            .OrderBy(x => x.Homework.DueOn).ThenBy(x => x.Subject).ThenBy(x => x.Homework.CreatedAt)
            .Take(2000).ToListAsync(ct);
        var targetedIds = rows.Where(r => r.Homework.Targeted).Select(r => r.Homework.Id).ToList();
        var targets = targetedIds.Count == 0 ? [] : await db.Set<HwTarget>().AsNoTracking()
            .Where(t => targetedIds.Contains(t.HomeworkId) && pupilIds.Contains(t.PupilId)).Select(t => new { t.HomeworkId, t.PupilId }).ToListAsync(ct);
        var homeworkIds = rows.Select(r => r.Homework.Id).ToList();
        var done = homeworkIds.Count == 0 ? [] : await db.Set<HwDone>().AsNoTracking()
            .Where(d => pupilIds.Contains(d.PupilId) && homeworkIds.Contains(d.HomeworkId)).Select(d => new { d.HomeworkId, d.PupilId }).ToListAsync(ct);
        var files = await attachments.ListAsync(homeworkIds, ct);
        var targetSet = targets.Select(t => (t.HomeworkId, t.PupilId)).ToHashSet();
        var doneSet = done.Select(d => (d.HomeworkId, d.PupilId)).ToHashSet();
        return pupilIds
            .SelectMany(id => rows
                .Where(r => groups[id].Contains(r.Homework.AudienceGroupId) && (!r.Homework.Targeted || targetSet.Contains((r.Homework.Id, id))))
                .Select(r => (Pupil: id, Item: new ToDoItem(r.Homework.Id, r.Homework.BookId, r.Subject, r.Homework.Kind, r.Homework.Description, r.Homework.Summary,
                    r.Homework.GivenOn, r.Homework.DueOn, r.Homework.Minutes, doneSet.Contains((r.Homework.Id, id)), r.Homework.Targeted, r.Homework.UpdatedAt, [.. files[r.Homework.Id]]))))
            .ToLookup(x => x.Pupil, x => x.Item);
    }

    /// <summary>A pupil ticks their homework done (or not done again); only homework of their own list.</summary>
    public async Task<Outcome<Done>> MarkAsync(UserContext me, Guid homeworkId, bool done, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (me.Profile != Profile.Student)
        {
            return Outcome.NotFound<Done>();
        }

        var homework = await db.Set<HwHomework>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == homeworkId, ct);
        var now = clock.GetUtcNow();
        if (homework is null || !await access.IsShownToAnyAsync(homework, [me.Id], ct))
        {
            return Outcome.NotFound<Done>();
        }

        var tick = await db.Set<HwDone>().FirstOrDefaultAsync(d => d.HomeworkId == homeworkId && d.PupilId == me.Id, ct);
        if (done && tick is null)
        {
            db.Add(new HwDone { HomeworkId = homeworkId, PupilId = me.Id, DoneAt = now });
        }
        else if (!done && tick is not null)
        {
            db.Remove(tick);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (done && tick is null)
        {
            // A second tap raced the first one: the homework is ticked, which is what was asked.
        }

        return new Done();
    }
}
