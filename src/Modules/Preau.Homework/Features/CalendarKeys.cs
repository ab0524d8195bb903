using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Homework.Domain;
using Preau.Homework.Resources;
using Preau.Platform.Calendar;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Homework.Features;

/// <summary>A calendar address just made: the only time its secret is known.</summary>
public sealed record CalendarAddress(Guid Id, CalendarScope Scope, Guid SubjectId, string Secret)
{
    public string Path => HomeworkModule.CalendarPath(Secret);
}

/// <summary>An address someone made, as their page lists it (the secret is not kept).</summary>
public sealed record CalendarKeyLine(Guid Id, CalendarScope Scope, Guid SubjectId, DateTimeOffset CreatedAt);

/// <summary>
/// Private calendar addresses, for families to subscribe from their phone: one pupil's homework
/// (made by the pupil or a parent), or a class's whole-class homework (made by one of its
/// teachers). The address holds a 256-bit secret; only its keyed hash is stored. Each person has one
/// address per pupil or class: making a new one, or revoking it, kills the old one at once.
/// </summary>
public sealed class CalendarKeys(PreauDbContext db, Codes codes, ToDo todo, SchoolCalendar calendar, TimeProvider clock, IStringLocalizer<HomeworkStrings> strings)
{
    private const string Purpose = "homework.calendar";

    /// <summary>How far the feed reaches: four weeks back, ten ahead.</summary>
    public const int PastDays = 28;

    public const int AheadDays = 70;

    public async Task<Outcome<CalendarAddress>> CreateAsync(UserContext me, CalendarScope scope, Guid subjectId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var allowed = scope switch
        {
            CalendarScope.Pupil => (me.Profile == Profile.Student && me.Id == subjectId) || me.Children.Any(c => c.Id == subjectId),
            CalendarScope.Class => me.Profile == Profile.Teacher && me.Classes.Any(c => c.Id == subjectId),
            _ => false,
        };
        if (!allowed)
        {
            return Outcome.NotFound<CalendarAddress>();
        }

        var now = clock.GetUtcNow();
        await RevokeWhereAsync(db.Set<HwCalendarKey>().Where(k => k.Scope == scope && k.SubjectId == subjectId && k.CreatedBy == me.Id && k.RevokedAt == null), now, ct);
        var secret = Codes.NewToken();
        var key = new HwCalendarKey { Id = Guid.CreateVersion7(), Scope = scope, SubjectId = subjectId, SecretHash = codes.Hash(Purpose, secret), CreatedBy = me.Id, CreatedAt = now };
        db.Add(key);
        await db.SaveChangesAsync(ct);
        return new CalendarAddress(key.Id, scope, subjectId, secret);
    }

    public async Task<Outcome<Done>> RevokeAsync(UserContext me, Guid keyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var found = await RevokeWhereAsync(db.Set<HwCalendarKey>().Where(k => k.Id == keyId && k.CreatedBy == me.Id && k.RevokedAt == null), clock.GetUtcNow(), ct);
        return found == 0 ? Outcome.NotFound<Done>() : new Done();
    }

    public async Task<IReadOnlyList<CalendarKeyLine>> MineAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return await db.Set<HwCalendarKey>().AsNoTracking().Where(k => k.CreatedBy == me.Id && k.RevokedAt == null)
            .OrderBy(k => k.CreatedAt).Select(k => new CalendarKeyLine(k.Id, k.Scope, k.SubjectId, k.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>The iCalendar document of an address, or null when the secret is unknown or revoked.</summary>
    public async Task<string?> DocumentAsync(string? secret, Uri site, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 64)
        {
            return null;
        }

        var hash = codes.Hash(Purpose, secret);
        var key = await db.Set<HwCalendarKey>().AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash && k.RevokedAt == null, ct);
        if (key is null)
        {
            return null;
        }

        var today = calendar.Today();
        var from = today.AddDays(-PastDays);
        var to = today.AddDays(AheadDays);
        List<(Guid Id, string Subject, string Summary, DateOnly DueOn, DateTimeOffset UpdatedAt)> items;
        string name;
        if (key.Scope == CalendarScope.Pupil)
        {
            var pupil = await db.Users.AsNoTracking().Where(u => u.Id == key.SubjectId && u.Profile == Profile.Student).Select(u => new { u.Id, u.FirstName }).FirstOrDefaultAsync(ct);
            if (pupil is null)
            {
                return null;
            }

            items = [.. (await todo.ItemsAsync([pupil.Id], from, to, ct))[pupil.Id].Select(i => (i.Id, i.Subject, i.Summary, i.DueOn, i.UpdatedAt))];
            name = pupil.FirstName;
        }
        else
        {
            var schoolClass = await db.Classes.AsNoTracking().Where(c => c.Id == key.SubjectId).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
            if (schoolClass is null)
            {
                return null;
            }

            var now = clock.GetUtcNow();
            var groups = db.Groups.Where(g => g.ClassId == schoolClass.Id && (g.Kind == GroupKind.Teaching || (g.Kind == GroupKind.Profile && g.Profile == Profile.Student))).Select(g => g.Id);
            items = [.. (await db.Set<HwHomework>().AsNoTracking()
                .Where(h => groups.Contains(h.AudienceGroupId) && !h.Targeted && h.DueOn >= from && h.DueOn <= to && (h.VisibleFrom == null || h.VisibleFrom <= now))
                .Join(db.Set<HwBook>(), h => h.BookId, b => b.Id, (h, b) => new { h.Id, b.Subject, h.Summary, h.DueOn, h.UpdatedAt })
                .OrderBy(h => h.DueOn).Take(2000).ToListAsync(ct))
                .Select(r => (r.Id, r.Subject, r.Summary, r.DueOn, r.UpdatedAt))];
            name = schoolClass.Name;
        }

        var link = new Uri(site, HomeworkModule.ToDoUrl);
        // In the language the calendar application asks for (its Accept-Language), French by default.
        return CalendarFeed.Write(strings["Calendar.Name", name], items.Select(i => new CalendarItem(
            $"{i.Id}@preau", i.Subject.Length == 0 ? i.Summary : strings["Calendar.Summary", i.Subject, i.Summary], i.Summary, i.DueOn, null, null, link,
            i.UpdatedAt)));
    }

    private static async Task<int> RevokeWhereAsync(IQueryable<HwCalendarKey> keys, DateTimeOffset now, CancellationToken ct) =>
        await keys.ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct);
}
