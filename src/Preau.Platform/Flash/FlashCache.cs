using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Preau.Platform.Flash;

public sealed class FlashOptions
{
    /// <summary>
    /// How long a node keeps a structure's messages without a change seen on this node: the
    /// backstop for changes made on another node.
    /// </summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// This node's memory of each structure's flash messages not yet ended. Any change of a message
/// forgets everything (a new generation): messages change rarely, pages read them constantly.
/// Start and end are checked at each read, so a cached message appears and leaves on time.
/// </summary>
public sealed class FlashCache : IDisposable
{
    /// <summary>A message as kept in memory, in both languages.</summary>
    public sealed record Entry(Guid Id, FlashLevel Level, string TitleFr, string TextFr, string? TitleEn, string? TextEn,
        DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Profiles)
    {
        public FlashNotice In(string language) =>
            language == "en" && !string.IsNullOrWhiteSpace(TitleEn)
                ? new(Id, Level, TitleEn, string.IsNullOrWhiteSpace(TextEn) ? TextFr : TextEn, "en", StartsAt, EndsAt)
                : new(Id, Level, TitleFr, TextFr, "fr", StartsAt, EndsAt);
    }

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly TimeSpan _lifetime;
    private long _generation;

    public FlashCache(IOptions<FlashOptions> options) => _lifetime = options.Value.CacheLifetime;

    /// <summary>Taken before reading the database: what is read under an older generation is never found again.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(Guid? structureId, long generation, out IReadOnlyList<Entry> entries)
    {
        if (_cache.TryGetValue((structureId ?? Guid.Empty, generation), out IReadOnlyList<Entry>? found) && found is not null)
        {
            entries = found;
            return true;
        }

        entries = [];
        return false;
    }

    public void Set(Guid? structureId, long generation, IReadOnlyList<Entry> entries) =>
        _cache.Set((structureId ?? Guid.Empty, generation), entries, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });

    /// <summary>Forgets every structure's messages: one was created, changed or deleted.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _cache.Compact(1.0);
    }

    public void Dispose() => _cache.Dispose();
}
