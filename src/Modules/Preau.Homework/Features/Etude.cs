using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Homework.Features;

/// <summary>An étude group and, for the evening, each of its pupils' homework due on the next school day.</summary>
public sealed record EtudeEvening(Guid GroupId, string GroupName, DateOnly For, IReadOnlyList<ToDoList> Pupils);

/// <summary>
/// The périscolaire's étude: an animator sees, for each group of their school they animate (a group
/// they belong to as a périscolaire member), the homework its pupils have for the next school day,
/// read-only; nothing of other pupils, nothing of the teachers' books beyond that.
/// </summary>
public sealed class Etude(PreauDbContext db, ToDo todo, HomeworkAccess access, SchoolCalendar calendar)
{
    public async Task<IReadOnlyList<EtudeEvening>> EveningAsync(UserContext me, DateOnly? day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (me.Profile != Profile.Periscolaire)
        {
            return [];
        }

        var groups = await access.EtudeGroupsOf(me.Id).AsNoTracking().Select(g => new { g.Id, g.Name }).OrderBy(g => g.Name).ToListAsync(ct);
        var due = day ?? calendar.NextSchoolDay(calendar.Today());
        var groupIds = groups.Select(g => g.Id).ToList();
        var members = await db.GroupMembers.AsNoTracking().Where(m => groupIds.Contains(m.GroupId))
            .Join(db.Users.Where(u => u.Profile == Profile.Student), m => m.UserId, u => u.Id, (m, u) => new { m.GroupId, u.Id, u.FirstName, u.LastName })
            .ToListAsync(ct);
        // Every pupil's list at once, whatever the number of groups.
        var pupils = members.DistinctBy(m => m.Id).OrderBy(p => p.FirstName, StringComparer.CurrentCulture).ThenBy(p => p.LastName, StringComparer.CurrentCulture)
            .Select(p => (p.Id, $"{p.FirstName} {p.LastName}")).ToList();
        var lists = (await todo.ListsAsync(pupils, ct, onlyDue: due)).ToDictionary(l => l.PupilId);
        var evenings = groups.Select(g => new EtudeEvening(g.Id, g.Name, due,
            [.. pupils.Where(p => members.Any(m => m.GroupId == g.Id && m.Id == p.Id)).Select(p => lists[p.Id])])).ToList();
        return evenings;
    }
}
