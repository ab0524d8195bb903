using Microsoft.EntityFrameworkCore;
using Preau.Homework.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Homework.Features;

/// <summary>An inspector's right on a school, as the direction sees it.</summary>
public sealed record InspectorLine(Guid Id, Guid UserId, string Name, DateOnly Until);

/// <summary>
/// The direction's seal on a book, and the inspectors it invites. A visa covers the entries dated
/// up to its day: from then on they can be neither changed nor removed, by anyone (the book keeps
/// the latest day covered, so a writer's check is one comparison). An inspector reads every book of
/// the school and sets visas until the last day of the right, then nothing.
/// </summary>
public sealed class Visas(PreauDbContext db, HomeworkAccess access, SchoolCalendar calendar, TimeProvider clock)
{
    public async Task<Outcome<HwVisa>> SignAsync(UserContext me, Guid bookId, DateOnly? upTo, string? comment, CancellationToken ct)
    {
        var view = await access.FindAsync(me, bookId, ct);
        if (view is not { CanVisa: true })
        {
            return Outcome.NotFound<HwVisa>();
        }

        var day = upTo ?? calendar.Today();
        comment = (comment ?? "").Trim();
        if (day > calendar.Today())
        {
            return Outcome.Invalid<HwVisa>("UpTo", "Error.VisaInFuture");
        }

        if (comment.Length > HwVisa.CommentMax)
        {
            return Outcome.Invalid<HwVisa>("Comment", "Error.TooLong");
        }

        var visa = new HwVisa { Id = Guid.CreateVersion7(), BookId = bookId, UpTo = day, SignedBy = me.Id, SignedAt = clock.GetUtcNow(), Comment = comment };
        db.Add(visa);
        if (view.Book.FrozenUntil is null || view.Book.FrozenUntil < day)
        {
            view.Book.FrozenUntil = day;
        }

        await db.SaveChangesAsync(ct);
        return visa;
    }

    public async Task<Outcome<HwInspector>> InviteAsync(UserContext me, Guid structureId, Guid userId, DateOnly until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsLocalAdminOf(structureId))
        {
            return Outcome.NotFound<HwInspector>();
        }

        if (until < calendar.Today() || until > calendar.Today().AddDays(366))
        {
            return Outcome.Invalid<HwInspector>("Until", "Error.InspectorUntil");
        }

        if (!await db.Users.AnyAsync(u => u.Id == userId && u.Profile != Profile.Student && u.Profile != Profile.Relative, ct))
        {
            return Outcome.Invalid<HwInspector>("UserId", "Error.InspectorProfile");
        }

        var grant = await db.Set<HwInspector>().FirstOrDefaultAsync(i => i.UserId == userId && i.StructureId == structureId, ct);
        if (grant is null)
        {
            grant = new HwInspector { Id = Guid.CreateVersion7(), StructureId = structureId, UserId = userId, GrantedBy = me.Id, GrantedAt = clock.GetUtcNow() };
            db.Add(grant);
        }

        grant.Until = until;
        await db.SaveChangesAsync(ct);
        return grant;
    }

    /// <summary>Invites the person whose login is typed (the direction knows the inspector's login, not an id).</summary>
    public async Task<Outcome<HwInspector>> InviteByLoginAsync(UserContext me, Guid structureId, string? login, DateOnly until, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsLocalAdminOf(structureId))
        {
            return Outcome.NotFound<HwInspector>();
        }

        login = (login ?? "").Trim().ToLowerInvariant();
        var userId = login.Length == 0 ? null : await db.Users.Where(u => u.Login == login).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return userId is { } id ? await InviteAsync(me, structureId, id, until, ct) : Outcome.Invalid<HwInspector>("Login", "Error.NoSuchLogin");
    }

    public async Task<Outcome<Done>> EndAsync(UserContext me, Guid grantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var grant = await db.Set<HwInspector>().FirstOrDefaultAsync(i => i.Id == grantId, ct);
        if (grant is null || !me.IsLocalAdminOf(grant.StructureId))
        {
            return Outcome.NotFound<Done>();
        }

        db.Remove(grant);
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    public async Task<IReadOnlyList<InspectorLine>> InspectorsAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsLocalAdminOf(structureId))
        {
            return [];
        }

        var grants = await db.Set<HwInspector>().AsNoTracking().Where(i => i.StructureId == structureId)
            .Join(db.Users, i => i.UserId, u => u.Id, (i, u) => new { i.Id, i.UserId, u.DisplayName, i.Until })
            .ToListAsync(ct);
        return [.. grants.Select(g => new InspectorLine(g.Id, g.UserId, g.DisplayName, g.Until)).OrderBy(i => i.Name, StringComparer.CurrentCulture)];
    }
}
