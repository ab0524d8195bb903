using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Admin.Authorization;
using Preau.Platform.Audit;
using Preau.Platform.Flash;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Flash.Features;

/// <summary>
/// Flash messages as administrators post them: the SuperAdmin to any or every structure, a
/// LocalAdmin to their own structures only; each message to chosen profiles, between a start and
/// an end. A LocalAdmin sees and changes only the messages whose every structure is theirs; the
/// rest answers 404. Every change is audited with the structures it concerns and forgets the
/// board's cache, so the banners follow at once on this node.
/// </summary>
public sealed class ManageFlashMessages(PreauDbContext db, AuditLog audit, FlashCache cache, TimeProvider clock)
{
    /// <summary>What an administrator writes; times are instants (pages turn Paris local times into them).</summary>
    public sealed record Draft(
        string? TitleFr, string? TextFr, string? TitleEn, string? TextEn, FlashLevel Level,
        DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, IReadOnlyList<Profile>? Profiles, bool AllStructures, IReadOnlyList<Guid>? StructureIds);

    public enum Period
    {
        Current,
        Scheduled,
        Past,
    }

    public sealed record Target(Guid Id, string Name);

    public sealed record Message(
        Guid Id, string TitleFr, string TextFr, string? TitleEn, string? TextEn, FlashLevel Level, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
        IReadOnlyList<Profile> Profiles, bool AllStructures, IReadOnlyList<Target> Structures, string? AuthorName, Period Period);

    /// <summary>The past messages a list shows, newest first.</summary>
    public const int PastShown = 50;

    /// <summary>The structures the administrator may post to, by name.</summary>
    public async Task<IReadOnlyList<Target>> StructuresAsync(UserContext me, CancellationToken ct)
    {
        if (!AdminScope.AdministersAnyStructure(me))
        {
            return [];
        }

        var scope = AdminScope.Structures(me);
        return await db.Structures.AsNoTracking().Where(s => scope == null || scope.Contains(s.Id))
            .OrderBy(s => s.Name).Select(s => new Target(s.Id, s.Name)).ToListAsync(ct);
    }

    /// <summary>Current and scheduled messages, then the last past ones; null for someone who administers nothing.</summary>
    public async Task<IReadOnlyList<Message>?> ListAsync(UserContext me, CancellationToken ct)
    {
        if (!AdminScope.AdministersAnyStructure(me))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var live = await LoadAsync(InScope(me).Where(m => m.EndsAt > now), ct);
        var past = await LoadAsync(InScope(me).Where(m => m.EndsAt <= now).OrderByDescending(m => m.EndsAt).Take(PastShown), ct);
        return [.. live.OrderBy(m => m.StartsAt), .. past.OrderByDescending(m => m.EndsAt)];
    }

    public async Task<Message?> GetAsync(UserContext me, Guid id, CancellationToken ct) =>
        AdminScope.AdministersAnyStructure(me) ? (await LoadAsync(InScope(me).Where(m => m.Id == id), ct)).FirstOrDefault() : null;

    public async Task<Outcome<Message>> CreateAsync(UserContext me, Draft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!AdminScope.AdministersAnyStructure(me) || !await TargetsInScopeAsync(me, draft, ct))
        {
            return Outcome.NotFound<Message>();
        }

        if (Check(draft) is { } errors)
        {
            return Outcome.Invalid<Message>(errors);
        }

        var now = clock.GetUtcNow();
        var message = new FlashMessage
        {
            Id = Guid.CreateVersion7(now),
            TitleFr = string.Empty,
            TextFr = string.Empty,
            AuthorId = me.Id,
            AuthorName = me.DisplayName,
            CreatedAt = now,
        };
        Apply(message, draft, now);
        db.Add(message);
        var structures = Targets(draft);
        db.AddRange(structures.Select(s => new FlashTarget { MessageId = message.Id, StructureId = s }));
        Record(AuditActions.FlashCreate, message, structures);
        await db.SaveChangesAsync(ct);
        cache.Forget();
        return (await GetAsync(me, message.Id, ct))!;
    }

    public async Task<Outcome<Message>> UpdateAsync(UserContext me, Guid id, Draft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var message = AdminScope.AdministersAnyStructure(me) ? await InScope(me).AsTracking().FirstOrDefaultAsync(m => m.Id == id, ct) : null;
        if (message is null || !await TargetsInScopeAsync(me, draft, ct))
        {
            return Outcome.NotFound<Message>();
        }

        if (Check(draft) is { } errors)
        {
            return Outcome.Invalid<Message>(errors);
        }

        var before = await db.Set<FlashTarget>().Where(t => t.MessageId == id).ToListAsync(ct);
        var structures = Targets(draft);
        db.RemoveRange(before.Where(t => !structures.Contains(t.StructureId)));
        db.AddRange(structures.Where(s => !before.Any(t => t.StructureId == s)).Select(s => new FlashTarget { MessageId = id, StructureId = s }));
        Apply(message, draft, clock.GetUtcNow());
        Record(AuditActions.FlashUpdate, message, [.. before.Select(t => t.StructureId).Union(structures)]);
        await db.SaveChangesAsync(ct);
        cache.Forget();
        return (await GetAsync(me, id, ct))!;
    }

    public async Task<Outcome<Done>> DeleteAsync(UserContext me, Guid id, CancellationToken ct)
    {
        var message = AdminScope.AdministersAnyStructure(me) ? await InScope(me).AsTracking().FirstOrDefaultAsync(m => m.Id == id, ct) : null;
        if (message is null)
        {
            return Outcome.NotFound<Done>();
        }

        var structures = await db.Set<FlashTarget>().Where(t => t.MessageId == id).Select(t => t.StructureId).ToListAsync(ct);
        db.Remove(message);
        Record(AuditActions.FlashDelete, message, structures);
        await db.SaveChangesAsync(ct);
        cache.Forget();
        return new Done();
    }

    /// <summary>The messages the administrator may see: all for the SuperAdmin; for a LocalAdmin, those whose every structure is theirs.</summary>
    private IQueryable<FlashMessage> InScope(UserContext me)
    {
        var messages = db.Set<FlashMessage>().AsNoTracking();
        if (AdminScope.Structures(me) is not { } scope)
        {
            return messages;
        }

        return messages.Where(m => !m.AllStructures
            && db.Set<FlashTarget>().Any(t => t.MessageId == m.Id)
            && !db.Set<FlashTarget>().Any(t => t.MessageId == m.Id && !scope.Contains(t.StructureId)));
    }

    private async Task<List<Message>> LoadAsync(IQueryable<FlashMessage> query, CancellationToken ct)
    {
        var messages = await query.ToListAsync(ct);
        var ids = messages.Select(m => m.Id).ToList();
        var targets = await db.Set<FlashTarget>().AsNoTracking().Where(t => ids.Contains(t.MessageId))
            .Join(db.Structures, t => t.StructureId, s => s.Id, (t, s) => new { t.MessageId, Target = new Target(s.Id, s.Name) })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return [.. messages.Select(m => new Message(m.Id, m.TitleFr, m.TextFr, m.TitleEn, m.TextEn, m.Level, m.StartsAt, m.EndsAt,
            FlashProfiles.From(m.Profiles), m.AllStructures,
            [.. targets.Where(t => t.MessageId == m.Id).Select(t => t.Target).OrderBy(t => t.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), false))],
            m.AuthorName,
            m.EndsAt <= now ? Period.Past : m.StartsAt > now ? Period.Scheduled : Period.Current))];
    }

    /// <summary>Every chosen structure exists and is the administrator's; "every structure" is the SuperAdmin's.</summary>
    private async Task<bool> TargetsInScopeAsync(UserContext me, Draft draft, CancellationToken ct)
    {
        if (draft.AllStructures)
        {
            return me.IsSuperAdmin;
        }

        var chosen = Targets(draft);
        if (chosen.Any(id => !me.IsLocalAdminOf(id)))
        {
            return false;
        }

        return await db.Structures.CountAsync(s => chosen.Contains(s.Id), ct) == chosen.Count;
    }

    private static List<Guid> Targets(Draft draft) => draft.AllStructures ? [] : [.. (draft.StructureIds ?? []).Distinct()];

    private IReadOnlyDictionary<string, string[]>? Check(Draft draft)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(draft.TitleFr))
        {
            problems.Add("TitleFr", "Flash.Error.TitleRequired");
        }
        else if (draft.TitleFr.Trim().Length > FlashRules.TitleLength)
        {
            problems.Add("TitleFr", "Flash.Error.TitleTooLong");
        }

        if (string.IsNullOrWhiteSpace(draft.TextFr))
        {
            problems.Add("TextFr", "Flash.Error.TextRequired");
        }
        else if (draft.TextFr.Trim().Length > FlashRules.TextLength)
        {
            problems.Add("TextFr", "Flash.Error.TextTooLong");
        }

        if (draft.TitleEn?.Trim().Length > FlashRules.TitleLength)
        {
            problems.Add("TitleEn", "Flash.Error.TitleTooLong");
        }

        if (draft.TextEn?.Trim().Length > FlashRules.TextLength)
        {
            problems.Add("TextEn", "Flash.Error.TextTooLong");
        }

        if (string.IsNullOrWhiteSpace(draft.TitleEn) != string.IsNullOrWhiteSpace(draft.TextEn))
        {
            problems.Add("TitleEn", "Flash.Error.EnglishBoth");
        }

        if (!Enum.IsDefined(draft.Level))
        {
            problems.Add("Level", "Flash.Error.Level");
        }

        if (draft.Profiles is not { Count: > 0 } || draft.Profiles.Any(p => !Enum.IsDefined(p)))
        {
            problems.Add("Profiles", "Flash.Error.Profiles");
        }

        if (!draft.AllStructures && Targets(draft).Count == 0)
        {
            problems.Add("StructureIds", "Flash.Error.Structures");
        }

        var starts = draft.StartsAt ?? clock.GetUtcNow();
        if (draft.EndsAt is not { } ends)
        {
            problems.Add("EndsAt", "Flash.Error.EndRequired");
        }
        else if (ends <= starts)
        {
            problems.Add("EndsAt", "Flash.Error.EndBeforeStart");
        }
        else if (ends <= clock.GetUtcNow())
        {
            problems.Add("EndsAt", "Flash.Error.EndPassed");
        }

        return problems.Any ? problems.ToDictionary() : null;
    }

    private static void Apply(FlashMessage message, Draft draft, DateTimeOffset now)
    {
        message.TitleFr = draft.TitleFr!.Trim();
        message.TextFr = draft.TextFr!.Trim();
        message.TitleEn = string.IsNullOrWhiteSpace(draft.TitleEn) ? null : draft.TitleEn.Trim();
        message.TextEn = string.IsNullOrWhiteSpace(draft.TextEn) ? null : draft.TextEn.Trim();
        message.Level = draft.Level;
        message.StartsAt = (draft.StartsAt ?? now).ToUniversalTime();
        message.EndsAt = draft.EndsAt!.Value.ToUniversalTime();
        message.Profiles = FlashProfiles.Of(draft.Profiles!);
        message.AllStructures = draft.AllStructures;
        message.UpdatedAt = now;
    }

    /// <summary>One entry per structure concerned, so each school's trail shows it; one without a structure for every structure.</summary>
    private void Record(string action, FlashMessage message, List<Guid> structures)
    {
        var details = string.Create(CultureInfo.InvariantCulture,
            $"« {message.TitleFr} » {message.Level}, {SchoolTime.ToParis(message.StartsAt):yyyy-MM-dd HH:mm} → {SchoolTime.ToParis(message.EndsAt):yyyy-MM-dd HH:mm}, {string.Join(' ', FlashProfiles.From(message.Profiles))}");
        if (message.AllStructures || structures.Count == 0)
        {
            audit.Record(action, null, null, null, details);
            return;
        }

        foreach (var structure in structures)
        {
            audit.Record(action, null, null, structure, details);
        }
    }
}
