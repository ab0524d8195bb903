using Microsoft.EntityFrameworkCore;
using Preau.Homework.Domain;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Homework.Features;

/// <summary>A book in a list: its class or group, its subject.</summary>
public sealed record BookLine(Guid Id, BookKind Kind, string Audience, string Subject, Guid? ClassId, bool CanWrite, DateOnly? FrozenUntil)
{
    public string Title => BookTitles.Of(Audience, Subject);
}

/// <summary>Where a teacher may open a book: a class they teach, a teaching group they are in.</summary>
public sealed record BookPlace(Guid? ClassId, Guid? GroupId, string Name, Degree Degree);

/// <summary>
/// Opens the books and lists them. A teacher opens one for a class they teach (the class diary in
/// an école, a subject's book in a collège or lycée) or for a teaching group they teach; the same
/// audience and subject give the same book.
/// </summary>
public sealed class ManageBooks(PreauDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<BookPlace>> PlacesAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (me.Profile != Profile.Teacher)
        {
            return [];
        }

        var degrees = me.Structures.ToDictionary(s => s.Id, s => s.Degree);
        var places = me.Classes.Select(c => new BookPlace(c.Id, null, c.Name, degrees.GetValueOrDefault(c.StructureId, Degree.Second))).ToList();
        var groups = await db.GroupMembers.AsNoTracking().Where(m => m.UserId == me.Id)
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Teaching), m => m.GroupId, g => g.Id, (m, g) => new { g.Id, g.Name, g.StructureId })
            .OrderBy(g => g.Name).ToListAsync(ct);
        places.AddRange(groups.Select(g => new BookPlace(null, g.Id, g.Name, degrees.GetValueOrDefault(g.StructureId, Degree.Second))));
        return places;
    }

    /// <summary>Opens (or finds) the book of a class or a teaching group for a subject.</summary>
    public async Task<Outcome<HwBook>> OpenAsync(UserContext me, Guid? classId, Guid? groupId, string? subject, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        subject = (subject ?? "").Trim();
        if (subject.Length > HwBook.SubjectMax)
        {
            return Outcome.Invalid<HwBook>("Subject", "Error.SubjectTooLong");
        }

        var place = (await PlacesAsync(me, ct)).FirstOrDefault(p => (classId is not null && p.ClassId == classId) || (groupId is not null && p.GroupId == groupId));
        if (place is null)
        {
            return Outcome.NotFound<HwBook>();
        }

        // An école's class keeps one diary; a subject of its own (English with another teacher) is a book too.
        var kind = place.Degree == Degree.First && place.GroupId is null && subject.Length == 0 ? BookKind.ClassDiary : BookKind.Subject;
        if (kind == BookKind.Subject && subject.Length == 0)
        {
            return Outcome.Invalid<HwBook>("Subject", "Error.SubjectRequired");
        }

        var audience = place.GroupId is { } g
            ? await db.Groups.AsNoTracking().Where(x => x.Id == g).Select(x => new { x.Id, x.StructureId, x.ClassId }).FirstAsync(ct)
            : await db.Groups.AsNoTracking().Where(x => x.ClassId == place.ClassId && x.Kind == GroupKind.Profile && x.Profile == Profile.Student)
                .Select(x => new { x.Id, x.StructureId, x.ClassId }).FirstOrDefaultAsync(ct);
        if (audience is null)
        {
            return Outcome.NotFound<HwBook>();
        }

        if (await db.Set<HwBook>().FirstOrDefaultAsync(b => b.AudienceGroupId == audience.Id && b.Subject == subject, ct) is { } existing)
        {
            return existing;
        }

        var book = new HwBook
        {
            Id = Guid.CreateVersion7(),
            StructureId = audience.StructureId,
            ClassId = audience.ClassId,
            AudienceGroupId = audience.Id,
            Kind = kind,
            Subject = subject,
            CreatedBy = me.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(book);
        await db.SaveChangesAsync(ct);
        return book;
    }

    /// <summary>
    /// The books a person works with: a teacher's (classes taught, teaching groups), the books of
    /// the schools they direct or inspect. Pupils and parents read theirs through "À faire".
    /// </summary>
    public async Task<IReadOnlyList<BookLine>> MineAsync(UserContext me, HomeworkAccess access, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(access);
        var classIds = me.Profile == Profile.Teacher ? me.Classes.Select(c => c.Id).ToList() : [];
        var groupIds = await db.GroupMembers.AsNoTracking().Where(m => m.UserId == me.Id).Select(m => m.GroupId).ToListAsync(ct);
        var directed = await access.VisaStructuresAsync(me, ct);

        var books = await db.Set<HwBook>().AsNoTracking()
            .Where(b => (b.ClassId != null && classIds.Contains(b.ClassId.Value)) || (me.Profile == Profile.Teacher && groupIds.Contains(b.AudienceGroupId)) || directed.Contains(b.StructureId))
            .Join(db.Groups, b => b.AudienceGroupId, g => g.Id, (b, g) => new { Book = b, Group = g })
            .ToListAsync(ct);
        var classNames = await db.Classes.AsNoTracking().Where(c => books.Select(b => b.Book.ClassId).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. books
            .Select(x => new BookLine(x.Book.Id, x.Book.Kind,
                x.Group.Kind == GroupKind.Teaching ? x.Group.Name : classNames.GetValueOrDefault(x.Book.ClassId ?? Guid.Empty) ?? x.Group.Name,
                x.Book.Subject, x.Book.ClassId,
                me.Profile == Profile.Teacher && (groupIds.Contains(x.Book.AudienceGroupId) || (x.Group.Kind == GroupKind.Profile && classIds.Contains(x.Book.ClassId ?? Guid.Empty))),
                x.Book.FrozenUntil))
            .OrderByDescending(b => b.CanWrite).ThenBy(b => b.Audience, StringComparer.CurrentCulture).ThenBy(b => b.Subject, StringComparer.CurrentCulture)];
    }
}
