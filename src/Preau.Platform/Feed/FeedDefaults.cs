using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Platform.Feed;

/// <summary>What a profile gets for a type when the person chose nothing.</summary>
public sealed record FeedDefault(FeedChannel Channel, bool Push);

/// <summary>Where a type goes for one person, and whether it is their own choice (else their profile's default).</summary>
public sealed record FeedChoice(FeedChannel Channel, bool Push, bool IsOwn);

/// <summary>
/// The one rule for where a type goes: the person's own choice, else the SuperAdmin's default for
/// their profile, else the module's declared default. Set-based readers (fan-out, digests, push)
/// turn the profile defaults into a list of profiles and join the persons' choices in SQL.
/// </summary>
public sealed class FeedDefaults(PreauDbContext db)
{
    /// <summary>Each profile's default for a type.</summary>
    public async Task<IReadOnlyDictionary<Profile, FeedDefault>> ForTypeAsync(FeedType type, CancellationToken ct = default)
    {
        var chosen = await db.Set<FeedTypeDefault>().AsNoTracking().Where(d => d.Type == type.Key).ToDictionaryAsync(d => d.Profile, ct);
        return Enum.GetValues<Profile>().ToDictionary(p => p, p => chosen.TryGetValue(p, out var d)
            ? new FeedDefault(d.Channel, d.Push)
            : new FeedDefault(type.DefaultFor(p), type.PushByDefault));
    }

    /// <summary>Each type's default for one profile, for every declared type.</summary>
    public async Task<IReadOnlyDictionary<string, FeedDefault>> ForProfileAsync(FeedTypes types, Profile profile, CancellationToken ct = default)
    {
        var chosen = await db.Set<FeedTypeDefault>().AsNoTracking().Where(d => d.Profile == profile).ToDictionaryAsync(d => d.Type, StringComparer.Ordinal, ct);
        return types.All.ToDictionary(t => t.Key, t => chosen.TryGetValue(t.Key, out var d)
            ? new FeedDefault(d.Channel, d.Push)
            : new FeedDefault(t.DefaultFor(profile), t.PushByDefault), StringComparer.Ordinal);
    }

    /// <summary>The profiles whose default channel for a type is <paramref name="channel"/>.</summary>
    public async Task<IReadOnlyList<Profile>> ProfilesWithAsync(FeedType type, FeedChannel channel, CancellationToken ct = default) =>
        (await ForTypeAsync(type, ct)).Where(x => x.Value.Channel == channel).Select(x => x.Key).ToList();

    /// <summary>Each declared type's choice for one person: their own row, else their profile's default.</summary>
    public async Task<IReadOnlyDictionary<string, FeedChoice>> ForUserAsync(FeedTypes types, Guid userId, Profile profile, CancellationToken ct = default)
    {
        var own = await db.Set<FeedPreference>().AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Type, StringComparer.Ordinal, ct);
        var byProfile = await ForProfileAsync(types, profile, ct);
        return byProfile.ToDictionary(x => x.Key, x => own.TryGetValue(x.Key, out var p)
            ? new FeedChoice(p.Channel, p.Push, IsOwn: true)
            : new FeedChoice(x.Value.Channel, x.Value.Push, IsOwn: false), StringComparer.Ordinal);
    }
}
