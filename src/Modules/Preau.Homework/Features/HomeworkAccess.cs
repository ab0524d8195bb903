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

/// <summary>A book as one person may use it.</summary>
public sealed record BookView(HwBook Book, BookRole Role, bool CanVisa, string AudienceName)
{
    public bool CanWrite => Role == BookRole.Writer;

    /// <summary>Sees every entry, every pupil's targeted homework, the done counts.</summary>
    public bool SeesAll => Role >= BookRole.Reader;

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
public sealed class HomeworkAccess(PreauDbContext db, SchoolCalendar calendar)
{
    public async Task<BookView?> FindAsync(UserContext me, Guid bookId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var book = await db.Set<HwBook>().FirstOrDefaultAsync(b => b.Id == bookId, ct);
        if (book is null)
        {
            return null;
        }

        var audience = await db.Groups.AsNoTracking().Where(g => g.Id == book.AudienceGroupId).Select(g => new { g.Name, g.Kind, g.ClassId }).FirstOrDefaultAsync(ct);
        var className = book.ClassId is { } classId ? await db.Classes.AsNoTracking().Where(c => c.Id == classId).Select(c => c.Name).FirstOrDefaultAsync(ct) : null;
        var name = audience is { Kind: GroupKind.Teaching } ? audience.Name : className ?? audience?.Name ?? "";
        var role = await RoleAsync(me, book, ct);
        if (role is null)
        {
            return null;
        }

        return new BookView(book, role.Value, await CanVisaAsync(me, book.StructureId, ct), name);
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

    /// <summary>The directory groups a pupil belongs to: their class's pupils, their teaching groups.</summary>
    public async Task<ILookup<Guid, Guid>> GroupsOfAsync(IReadOnlyCollection<Guid> pupilIds, CancellationToken ct) =>
        pupilIds.Count == 0
            ? Array.Empty<Guid>().ToLookup(_ => Guid.Empty)
            : (await db.GroupMembers.AsNoTracking().Where(m => pupilIds.Contains(m.UserId)).Select(m => new { m.UserId, m.GroupId }).ToListAsync(ct))
                .ToLookup(m => m.UserId, m => m.GroupId);

    private async Task<BookRole?> RoleAsync(UserContext me, HwBook book, CancellationToken ct)
    {
        var teachesClass = book.ClassId is { } classId && me.Profile == Profile.Teacher && me.Classes.Any(c => c.Id == classId);
        var inAudience = await db.GroupMembers.AnyAsync(m => m.GroupId == book.AudienceGroupId && m.UserId == me.Id, ct);
        switch (me.Profile)
        {
            case Profile.Teacher when inAudience || (teachesClass && await IsClassBookAsync(book, ct)):
                return BookRole.Writer;
            case Profile.Teacher when teachesClass:
                return BookRole.Reader;
            case Profile.Student when inAudience:
                return BookRole.Family;
            case Profile.Relative when me.Children.Count > 0:
                var children = me.Children.Select(c => c.Id).ToList();
                if (await db.GroupMembers.AnyAsync(m => m.GroupId == book.AudienceGroupId && children.Contains(m.UserId), ct))
                {
                    return BookRole.Family;
                }

                break;
        }

        return await CanVisaAsync(me, book.StructureId, ct) ? BookRole.Reader : null;
    }

    /// <summary>A class book's audience is the class's pupils (a teaching group's is the group).</summary>
    private Task<bool> IsClassBookAsync(HwBook book, CancellationToken ct) =>
        db.Groups.AnyAsync(g => g.Id == book.AudienceGroupId && g.Kind == GroupKind.Profile, ct);
}
