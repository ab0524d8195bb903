using Microsoft.EntityFrameworkCore;
using Preau.Homework.Domain;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Homework.Features;

/// <summary>What one person may do with a book.</summary>
public enum BookRole
{
    /// <summary>A pupil of its audience, or a parent of one: their own homework only.</summary>
    Family = 1,

    /// <summary>A teacher of the class who does not write in it, the direction, an invited inspector: everything, read-only.</summary>
    Reader = 2,

    /// <summary>A teacher of the class (class books) or of the teaching group: writes lessons and homework.</summary>
    Writer = 3,
}

/// <summary>How a book is named: its audience, then its subject when it has one.</summary>
public static class BookTitles
{
    public static string Of(string audience, string subject) =>
        subject.Length == 0 || audience.EndsWith(subject, StringComparison.OrdinalIgnoreCase) ? audience : $"{audience} · {subject}";
}

/// <summary>A book as one person may use it.</summary>
public sealed record BookView(HwBook Book, BookRole Role, bool CanVisa, string AudienceName)
{
    public bool CanWrite => Role == BookRole.Writer;

    /// <summary>Sees every entry, every pupil's targeted homework, the done counts.</summary>
    public bool SeesAll => Role >= BookRole.Reader;

    /// <summary>"5e B · Français", "CE2 A · Anglais", "CE2 A" (a class diary); a teaching group named after its subject ("5e B — Français") is not named twice.</summary>
    public string Title => BookTitles.Of(AudienceName, Book.Subject);

    /// <summary>Whether an entry dated <paramref name="date"/> is under a visa.</summary>
    public bool IsFrozen(DateOnly date) => Book.FrozenUntil is { } until && date <= until;
}

/// <summary>
/// The one gate of the cahier de textes. Writers: the class's teachers for a class book, the
/// group's teachers for a teaching group's. Readers: the other teachers of the class, the
/// direction of the school (its local administrators), an inspector it invited until their last
/// day. Families: the pupils of the audience and their parents, who see their own homework only.
/// A book someone has nothing to do with is null, and every page and endpoint answers 404.
/// </summary>
public sealed class HomeworkAccess(PreauDbContext db, SchoolCalendar calendar, TimeProvider clock)
{
    public async Task<BookView?> FindAsync(UserContext me, Guid bookId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var book = await db.Set<HwBook>().FirstOrDefaultAsync(b => b.Id == bookId, ct);
        if (book is null)
        {
            return null;
        }

        var audience = await db.Groups.AsNoTracking().Where(g => g.Id == book.AudienceGroupId)
            .Select(g => new { g.Name, g.Kind, ClassName = db.Classes.Where(c => c.Id == book.ClassId).Select(c => c.Name).FirstOrDefault() })
            .FirstAsync(ct);
        // Whether the person (or, for a parent, one of their children) is in the audience.
        List<Guid> people = me.Profile == Profile.Relative ? [.. me.Children.Select(c => c.Id)] : [me.Id];
        var inAudience = await db.GroupMembers.AnyAsync(m => m.GroupId == book.AudienceGroupId && people.Contains(m.UserId), ct);
        var teachesClass = me.Profile == Profile.Teacher && book.ClassId is { } classId && me.Classes.Any(c => c.Id == classId);
        var canVisa = await CanVisaAsync(me, book.StructureId, ct);
        BookRole? role = me.Profile switch
        {
            // A teaching group's teachers are its members; a class book's writers are the class's teachers.
            Profile.Teacher when inAudience || (teachesClass && audience.Kind == GroupKind.Profile) => BookRole.Writer,
            Profile.Teacher when teachesClass => BookRole.Reader,
            Profile.Student or Profile.Relative when inAudience => BookRole.Family,
            _ => null,
        };
        role ??= canVisa ? BookRole.Reader : null;
        return role is null ? null
            : new BookView(book, role.Value, canVisa, audience.Kind == GroupKind.Teaching ? audience.Name : audience.ClassName ?? audience.Name);
    }

    /// <summary>The direction (local administrators of the school) and the inspectors it invited, still within their days.</summary>
    public async Task<bool> CanVisaAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (me.IsLocalAdminOf(structureId))
        {
            return true;
        }

        var today = calendar.Today();
        return await db.Set<HwInspector>().AnyAsync(i => i.UserId == me.Id && i.StructureId == structureId && i.Until >= today, ct);
    }

    /// <summary>The schools whose books the person reads as direction or invited inspector: one query.</summary>
    public async Task<IReadOnlyList<Guid>> VisaStructuresAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var today = calendar.Today();
        var inspected = await db.Set<HwInspector>().AsNoTracking().Where(i => i.UserId == me.Id && i.Until >= today).Select(i => i.StructureId).ToListAsync(ct);
        return [.. me.Structures.Where(s => me.IsLocalAdminOf(s.Id)).Select(s => s.Id).Union(inspected)];
    }

    /// <summary>
    /// Whether a homework is on the list of one of these pupils: visible by now, for a group they
    /// are in, and, when targeted, for them. One query. The family's rule, for what they may open.
    /// </summary>
    public async Task<bool> IsShownToAnyAsync(HwHomework homework, IReadOnlyCollection<Guid> pupilIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(homework);
        ArgumentNullException.ThrowIfNull(pupilIds);
        if (pupilIds.Count == 0 || (homework.VisibleFrom is { } from && from > clock.GetUtcNow()))
        {
            return false;
        }

        return await db.GroupMembers.AnyAsync(m => m.GroupId == homework.AudienceGroupId && pupilIds.Contains(m.UserId)
            && (!homework.Targeted || db.Set<HwTarget>().Any(t => t.HomeworkId == homework.Id && t.PupilId == m.UserId)), ct);
    }

    /// <summary>
    /// The pupils whose homework the person reads without reading the book: a pupil themself, a
    /// parent's children, the pupils of the étude groups a périscolaire animator takes.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> FamilyPupilsAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return me.Profile switch
        {
            Profile.Student => [me.Id],
            Profile.Relative => [.. me.Children.Select(c => c.Id)],
            Profile.Periscolaire => await db.GroupMembers.AsNoTracking().Where(m => EtudeGroupsOf(me.Id).Any(g => g.Id == m.GroupId))
                .Join(db.Users.Where(u => u.Profile == Profile.Student), m => m.UserId, u => u.Id, (m, u) => u.Id).Distinct().ToListAsync(ct),
            _ => [],
        };
    }

    /// <summary>The étude groups a périscolaire animator takes: the manual groups they belong to.</summary>
    internal IQueryable<Group> EtudeGroupsOf(Guid animatorId) =>
        db.Groups.Where(g => g.Kind == GroupKind.Manual && db.GroupMembers.Any(m => m.GroupId == g.Id && m.UserId == animatorId));

    /// <summary>The directory groups a pupil belongs to: their class's pupils, their teaching groups.</summary>
    public async Task<ILookup<Guid, Guid>> GroupsOfAsync(IReadOnlyCollection<Guid> pupilIds, CancellationToken ct) =>
        pupilIds.Count == 0
            ? Array.Empty<Guid>().ToLookup(_ => Guid.Empty)
            : (await db.GroupMembers.AsNoTracking().Where(m => pupilIds.Contains(m.UserId)).Select(m => new { m.UserId, m.GroupId }).ToListAsync(ct))
                .ToLookup(m => m.UserId, m => m.GroupId);
}
