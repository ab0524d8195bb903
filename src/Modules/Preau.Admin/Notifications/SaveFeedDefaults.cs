using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Platform.Audit;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Notifications;

/// <summary>
/// The SuperAdmin changes what each profile gets for some types when a person chose nothing, or
/// puts every type back to what its module declared. Only departures from the modules' defaults
/// are stored (fed_type_defaults); the listed cells are set, the others unchanged. Audited
/// (feed.defaults-update) when something changed; people's own choices are never touched.
/// </summary>
public sealed class SaveFeedDefaults(PreauDbContext db, FeedTypes types, FeedDefaults defaults, AuditLog audit)
{
    /// <summary>One type and profile: a channel by name and/or push; a missing part keeps its current value.</summary>
    public sealed record CellRequest(string? Type, string? Profile, string? Channel, bool? Push);

    public sealed record Request(IReadOnlyList<CellRequest>? Defaults);

    public async Task<Outcome<Done>> SaveAsync(UserContext me, Request request, CancellationToken ct)
    {
        if (!me.IsSuperAdmin)
        {
            return Outcome.NotFound<Done>();
        }

        var cells = request.Defaults ?? [];
        var problems = new Problems();
        if (cells.Count == 0)
        {
            problems.Add("Defaults", "Error.FeedDefaultsEmpty");
        }

        if (cells.Any(c => c.Type is null || types.Find(c.Type) is null))
        {
            problems.Add("Defaults", "Error.FeedType");
        }

        if (cells.Any(c => !Enum.TryParse<Profile>(c.Profile, ignoreCase: true, out var p) || !Enum.IsDefined(p) || !string.Equals(p.ToString(), c.Profile, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("Defaults", "Error.Profile");
        }

        if (cells.Any(c => c.Channel is not null && !FeedApps.TryParseChannel(c.Channel, out _)))
        {
            problems.Add("Defaults", "Error.FeedChannel");
        }

        if (cells.Select(c => (c.Type?.ToUpperInvariant(), c.Profile?.ToUpperInvariant())).Distinct().Count() != cells.Count)
        {
            problems.Add("Defaults", "Error.FeedDefaultsTwice");
        }

        if (problems.Any)
        {
            return Outcome.Invalid<Done>(problems.ToDictionary());
        }

        var current = new Dictionary<Profile, Dictionary<string, FeedDefault>>();
        foreach (var profile in cells.Select(c => Enum.Parse<Profile>(c.Profile!, ignoreCase: true)).Distinct())
        {
            current[profile] = new(await defaults.ForProfileAsync(types, profile, ct), StringComparer.Ordinal);
        }

        var rows = await db.Set<FeedTypeDefault>().ToListAsync(ct);
        var changed = new List<string>();
        foreach (var cell in cells)
        {
            var type = types.Get(cell.Type!);
            var profile = Enum.Parse<Profile>(cell.Profile!, ignoreCase: true);
            var now = current[profile][type.Key];
            var channel = cell.Channel is null ? now.Channel : FeedApps.ParseChannel(cell.Channel);
            var push = cell.Push ?? now.Push;
            if (channel == now.Channel && push == now.Push)
            {
                continue;
            }

            current[profile][type.Key] = new FeedDefault(channel, push);
            changed.Add($"{type.Key} {profile}: {now.Channel}→{channel}{(push == now.Push ? string.Empty : push ? ", push on" : ", push off")}");
            var row = rows.FirstOrDefault(r => r.Type == type.Key && r.Profile == profile);
            if (channel == type.DefaultFor(profile) && push == type.PushByDefault)
            {
                // Back to what the module declared: nothing to store.
                if (row is not null)
                {
                    db.Remove(row);
                    rows.Remove(row);
                }
            }
            else if (row is null)
            {
                rows.Add(row = new FeedTypeDefault { Type = type.Key, Profile = profile, Channel = channel, Push = push });
                db.Add(row);
            }
            else
            {
                row.Channel = channel;
                row.Push = push;
            }
        }

        if (changed.Count > 0)
        {
            audit.Record(AuditActions.FeedDefaultsUpdate, null, null, null, string.Join("; ", changed));
            await db.SaveChangesAsync(ct);
        }

        return new Done();
    }

    /// <summary>Every type back to what its module declared (the SuperAdmin's rows deleted).</summary>
    public async Task<Outcome<Done>> ResetAsync(UserContext me, CancellationToken ct)
    {
        if (!me.IsSuperAdmin)
        {
            return Outcome.NotFound<Done>();
        }

        var rows = await db.Set<FeedTypeDefault>().ToListAsync(ct);
        if (rows.Count > 0)
        {
            db.RemoveRange(rows);
            audit.Record(AuditActions.FeedDefaultsUpdate, null, null, null,
                "reset: " + string.Join(", ", rows.Select(r => r.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
            await db.SaveChangesAsync(ct);
        }

        return new Done();
    }
}
