using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Preau.Platform.Communication;

public sealed class ReachOptions
{
    /// <summary>How many memberships, visible sets and rule graphs one node keeps in memory.</summary>
    public int CacheEntries { get; set; } = 200_000;

    /// <summary>
    /// How long an entry may live even without a change seen on this node: the backstop for
    /// changes made by another node, until the scale-out issue relays them.
    /// </summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// This node's memory of memberships, visible sets and rule graphs, and of the workflow rights
/// built from the same memberships (<see cref="Rights.AppRights"/>). Whatever changes the
/// directory forgets what it changed (<see cref="ReachInvalidation"/> does it for every save):
/// a person's membership, visible set and rights when their groups, links or state change;
/// everything built from rules when a rule, a group or a class changes (a new generation);
/// every structure's and person's rights when a right or a structure changes (a new rights generation).
/// </summary>
public sealed class ReachCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _lifetime;
    private long _generation;
    private long _rightsGeneration;

    // Counts every forgetting: what was read from the database before one must not be kept after it.
    private long _changes;

    // Whose visible set was built from whose membership (a parent's from their children's):
    // forgetting the child forgets the parent's set too.
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>> _dependents = new();

    public ReachCache(IOptions<ReachOptions> options)
    {
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1_000, options.Value.CacheEntries) });
        _lifetime = options.Value.CacheLifetime;
    }

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Taken before reading the database; an entry built from that reading is kept only if nothing was forgotten since.</summary>
    public long Changes => Interlocked.Read(ref _changes);

    public long RightsGeneration => Interlocked.Read(ref _rightsGeneration);

    internal bool TryGetMembership(Guid userId, out Membership? membership) =>
        _cache.TryGetValue(("m", userId), out membership);

    internal void SetMembership(Membership membership, long changes) => SetIfUnchanged(("m", membership.UserId), membership, changes);

    internal bool TryGetVisibleSet(Guid userId, long generation, out VisibleSet? set) =>
        _cache.TryGetValue(("v", userId, generation), out set);

    internal void SetVisibleSet(VisibleSet set, long generation, IEnumerable<Guid> dependsOn, long changes)
    {
        if (Changes != changes)
        {
            return;
        }

        foreach (var other in dependsOn)
        {
            _dependents.GetOrAdd(other, _ => new()).TryAdd(set.UserId, 0);
        }

        SetIfUnchanged(("v", set.UserId, generation), set, changes);
    }

    internal bool TryGetGraph(Guid structureId, long generation, out RuleGraph? graph) =>
        _cache.TryGetValue(("g", structureId, generation), out graph);

    internal void SetGraph(RuleGraph graph, long generation, long changes) => SetIfUnchanged(("g", graph.StructureId, generation), graph, changes);

    internal bool TryGetHeldRights(Guid userId, long generation, out FrozenSet<string>? held) =>
        _cache.TryGetValue(("r", userId, generation), out held);

    internal void SetHeldRights(Guid userId, long generation, FrozenSet<string> held, long changes) => SetIfUnchanged(("r", userId, generation), held, changes);

    internal bool TryGetStructureRights(Guid structureId, long generation, out Rights.StructureRights? rights) =>
        _cache.TryGetValue(("s", structureId, generation), out rights);

    internal void SetStructureRights(Rights.StructureRights rights, long generation, long changes) => SetIfUnchanged(("s", rights.StructureId, generation), rights, changes);

    /// <summary>Forgets what is known of these people: their groups and state, and what they reach.</summary>
    public void ForgetUsers(IEnumerable<Guid> userIds)
    {
        Interlocked.Increment(ref _changes);
        var generation = Generation;
        var rightsGeneration = RightsGeneration;
        foreach (var id in userIds)
        {
            _cache.Remove(("m", id));
            _cache.Remove(("r", id, rightsGeneration));
            _cache.Remove(("v", id, generation));
            if (_dependents.TryRemove(id, out var dependents))
            {
                foreach (var dependent in dependents.Keys)
                {
                    _cache.Remove(("v", dependent, generation));
                }
            }
        }
    }

    /// <summary>Forgets every rule graph and visible set: rules, groups or classes changed.</summary>
    public void ForgetRules()
    {
        Interlocked.Increment(ref _changes);
        Interlocked.Increment(ref _generation);
        _dependents.Clear();
    }

    /// <summary>Forgets every structure's and person's workflow rights: a right or a structure changed.</summary>
    public void ForgetRights()
    {
        Interlocked.Increment(ref _changes);
        Interlocked.Increment(ref _rightsGeneration);
    }

    /// <summary>Forgets everything (a change made around the change tracker, such as a rollover).</summary>
    public void ForgetAll()
    {
        ForgetRules();
        ForgetRights();
        _cache.Compact(1.0);
    }

    public void Dispose() => _cache.Dispose();

    private void SetIfUnchanged(object key, object value, long changes)
    {
        if (Changes == changes)
        {
            _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });

            // Forgotten meanwhile (between the test and the write): forget what was just written too.
            if (Changes != changes)
            {
                _cache.Remove(key);
            }
        }
    }
}
