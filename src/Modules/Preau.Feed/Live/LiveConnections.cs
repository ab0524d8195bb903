namespace Preau.Feed.Live;

/// <summary>
/// The hub connections open on this node, by person: what lets a publication leave out its
/// actor's own pages. Another node's connections are not known here; an actor's page there hears
/// the ping, asks, and gets nothing new, since the server only ever answers with one's own items.
/// </summary>
internal sealed class LiveConnections
{
    private readonly Dictionary<Guid, HashSet<string>> _byUser = [];
    private readonly Lock _lock = new();

    public void Add(Guid userId, string connectionId)
    {
        lock (_lock)
        {
            if (!_byUser.TryGetValue(userId, out var set))
            {
                _byUser[userId] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(connectionId);
        }
    }

    public void Remove(Guid userId, string connectionId)
    {
        lock (_lock)
        {
            if (_byUser.TryGetValue(userId, out var set) && set.Remove(connectionId) && set.Count == 0)
            {
                _byUser.Remove(userId);
            }
        }
    }

    public IReadOnlyList<string> Of(Guid userId)
    {
        lock (_lock)
        {
            return _byUser.TryGetValue(userId, out var set) ? [.. set] : [];
        }
    }
}
