using Microsoft.EntityFrameworkCore;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Feed.Preferences;

/// <summary>
/// Sets a person's choice for some types (the others are unchanged), or gives some or all types
/// back to their profile's default. Only the person's own rows change: there is nothing to
/// authorize beyond being signed in.
/// </summary>
public sealed class SavePreferences(PreauDbContext db, FeedTypes types, FeedDefaults defaults)
{
    /// <summary>One type's wish: a channel by name ("Never", "Feed", "Immediate", "Daily", "Weekly") and push; a missing part keeps its current value.</summary>
    public sealed record Change(string? Type, string? Channel, bool? Push);

    /// <summary>Null when saved; else the refused fields ("preferences[0].channel") with the error keys of PreferenceStrings and the value at fault.</summary>
    public sealed record Refusal(IReadOnlyDictionary<string, (string Key, string? Value)[]> Errors);

    public async Task<Refusal?> SetAsync(UserContext me, IReadOnlyList<Change>? changes, CancellationToken ct)
    {
        var errors = Check(changes);
        if (errors.Count > 0)
        {
            return new Refusal(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        var current = await defaults.ForUserAsync(types, me.Id, me.Profile, ct);
        var keys = changes!.Select(c => c.Type!).ToList();
        var rows = await db.Set<FeedPreference>().Where(p => p.UserId == me.Id && keys.Contains(p.Type)).ToDictionaryAsync(p => p.Type, StringComparer.Ordinal, ct);
        foreach (var change in changes!)
        {
            var now = current[change.Type!];
            var channel = change.Channel is null ? now.Channel : FeedApps.ParseChannel(change.Channel);
            var push = change.Push ?? now.Push;
            if (rows.TryGetValue(change.Type!, out var row))
            {
                row.Channel = channel;
                row.Push = push;
            }
            else
            {
                db.Add(new FeedPreference { UserId = me.Id, Type = change.Type!, Channel = channel, Push = push });
            }
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Gives the listed types (all when none is listed) back to the defaults; unknown types are ignored.</summary>
    public Task<int> ResetAsync(UserContext me, IReadOnlyCollection<string>? only, CancellationToken ct)
    {
        var mine = db.Set<FeedPreference>().Where(p => p.UserId == me.Id);
        if (only is { Count: > 0 })
        {
            var keys = only.ToList();
            mine = mine.Where(p => keys.Contains(p.Type));
        }

        return mine.ExecuteDeleteAsync(ct);
    }

    private Dictionary<string, List<(string, string?)>> Check(IReadOnlyList<Change>? changes)
    {
        var errors = new Dictionary<string, List<(string, string?)>>(StringComparer.Ordinal);
        void Add(string field, string key, string? value)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add((key, value));
        }

        if (changes is not { Count: > 0 })
        {
            Add("preferences", "Error.Empty", null);
            return errors;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var at = $"preferences[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
            if (change.Type is null || types.Find(change.Type) is null)
            {
                Add(at + ".type", "Error.UnknownType", change.Type);
            }
            else if (!seen.Add(change.Type))
            {
                Add(at + ".type", "Error.TwiceType", change.Type);
            }

            if (change.Channel is not null && !FeedApps.TryParseChannel(change.Channel, out _))
            {
                Add(at + ".channel", "Error.UnknownChannel", change.Channel);
            }

            if (change.Channel is null && change.Push is null)
            {
                Add(at, "Error.NothingToChange", change.Type);
            }
        }

        return errors;
    }
}
