using Microsoft.EntityFrameworkCore;
using Preau.Documents.Domain;
using Preau.Platform.Persistence;

namespace Preau.Documents.Authorization;

/// <summary>
/// A person's folders (id, parent, name, trashed), read in one query: a space holds tens or
/// hundreds of folders, so paths, subtrees and cycle checks are worked out in memory.
/// </summary>
public sealed class FolderTree
{
    public sealed record Node(Guid Id, Guid ParentId, string Name, bool Trashed);

    private readonly Dictionary<Guid, Node> _nodes;

    private FolderTree(Dictionary<Guid, Node> nodes) => _nodes = nodes;

    internal static async Task<FolderTree> LoadAsync(PreauDbContext db, Guid ownerId, CancellationToken ct) =>
        new(await db.Set<DocFolder>().AsNoTracking().Where(f => f.OwnerId == ownerId)
            .Select(f => new Node(f.Id, f.ParentId, f.Name, f.TrashedAt != null)).ToDictionaryAsync(n => n.Id, ct));

    public IEnumerable<Node> All => _nodes.Values;

    public Node? Find(Guid id) => _nodes.GetValueOrDefault(id);

    /// <summary>The root, or a folder that exists with neither it nor any folder above it in the trash.</summary>
    public bool IsInPlace(Guid id)
    {
        var seen = new HashSet<Guid>();
        while (id != DocFolder.Root)
        {
            if (!seen.Add(id) || !_nodes.TryGetValue(id, out var node) || node.Trashed)
            {
                return false;
            }

            id = node.ParentId;
        }

        return true;
    }

    /// <summary>The folders from the top down to <paramref name="id"/> (the root not included).</summary>
    public IReadOnlyList<Node> PathTo(Guid id)
    {
        var path = new List<Node>();
        var seen = new HashSet<Guid>();
        while (id != DocFolder.Root && seen.Add(id) && _nodes.TryGetValue(id, out var node))
        {
            path.Add(node);
            id = node.ParentId;
        }

        path.Reverse();
        return path;
    }

    /// <summary>Whether <paramref name="id"/> is <paramref name="ancestor"/> or lies under it.</summary>
    public bool IsWithin(Guid id, Guid ancestor) => id == ancestor || PathTo(id).Any(n => n.Id == ancestor);

    /// <summary>A folder and every folder under it, whatever their state (every folder for the root).</summary>
    public IReadOnlyList<Guid> Subtree(Guid id)
    {
        if (id == DocFolder.Root)
        {
            return [.. _nodes.Keys];
        }

        var children = _nodes.Values.ToLookup(n => n.ParentId);
        var result = new List<Guid>();
        var seen = new HashSet<Guid>();
        var queue = new Queue<Guid>([id]);
        while (queue.TryDequeue(out var next))
        {
            if (seen.Add(next))
            {
                result.Add(next);
                foreach (var child in children[next])
                {
                    queue.Enqueue(child.Id);
                }
            }
        }

        return result;
    }
}
