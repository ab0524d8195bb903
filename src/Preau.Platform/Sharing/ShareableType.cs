using System.Collections.Frozen;

namespace Preau.Platform.Sharing;

/// <summary>What a module tells the platform about one of its resources, for a person.</summary>
/// <param name="Title">Shown in the share dialog ("Sortie au musée").</param>
/// <param name="OwnerId">Its owner, who holds every right and whose shares cannot be taken away.</param>
public sealed record ShareableResource(string Title, Guid OwnerId);

/// <summary>
/// A module's answer about its resources. <see cref="FindAsync"/> answers null when the resource
/// does not exist (or is deleted): the dialog and the API then answer 404.
/// </summary>
public interface IShareResolver
{
    Task<ShareableResource?> FindAsync(Guid resourceId, CancellationToken ct);
}

/// <summary>
/// A kind of resource that may be shared ("documents.file"), with the rights it supports:
/// read, contrib and manage always, and the module's own (publish, comment…). Declared once by
/// the module's AddX through <see cref="SharingServiceCollectionExtensions.AddShareableType{TResolver}"/>.
/// </summary>
public sealed class ShareableType
{
    public ShareableType(string key, Type resolver, Type labels, string labelKey, IEnumerable<ShareRight> moduleRights)
    {
        Key = key;
        Resolver = resolver;
        Labels = labels;
        LabelKey = labelKey;
        var extra = moduleRights.Where(r => r.Key is not "read" and not "contrib" and not "manage").ToList();
        var manage = ShareRight.Manage with { Implies = [.. ShareRight.Manage.Implies, .. extra.Select(r => r.Key)] };
        Rights = [ShareRight.Read, ShareRight.Contrib, manage, .. extra];
        if (Rights.Select(r => r.Bit).Distinct().Count() != Rights.Count || Rights.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count() != Rights.Count
            || Rights.Any(r => r.Bit is < 0 or > 30))
        {
            throw new ArgumentException($"The rights of the shareable type {key} must have distinct keys and bits (0 to 30).", nameof(moduleRights));
        }

        ByKey = Rights.ToFrozenDictionary(r => r.Key, StringComparer.Ordinal);
        _closure = Rights.ToFrozenDictionary(r => r.Key, r => Close(r), StringComparer.Ordinal);
    }

    private readonly FrozenDictionary<string, int> _closure;

    public string Key { get; }

    /// <summary>The module's <see cref="IShareResolver"/>, resolved from the request's scope.</summary>
    public Type Resolver { get; }

    /// <summary>The resource marker class of the strings holding <see cref="LabelKey"/> and the module's right labels.</summary>
    public Type Labels { get; }

    public string LabelKey { get; }

    /// <summary>Read, contrib, manage, then the module's own rights, in the dialog's order.</summary>
    public IReadOnlyList<ShareRight> Rights { get; }

    public FrozenDictionary<string, ShareRight> ByKey { get; }

    /// <summary>The bits of these rights and of everything they imply; null when one is unknown to the type.</summary>
    public int? MaskOf(IEnumerable<string> rights)
    {
        var mask = 0;
        foreach (var key in rights)
        {
            if (!_closure.TryGetValue(key, out var bits))
            {
                return null;
            }

            mask |= bits;
        }

        return mask;
    }

    /// <summary>The bit to test for a right (implied bits are stored, so one bit answers); null when unknown to the type.</summary>
    public int? BitOf(string right) => ByKey.TryGetValue(right, out var r) ? r.Mask : null;

    /// <summary>The rights these bits hold, in the type's order.</summary>
    public IReadOnlyList<string> KeysOf(int mask) => [.. Rights.Where(r => (mask & r.Mask) != 0).Select(r => r.Key)];

    private int Close(ShareRight right)
    {
        var mask = 0;
        var pending = new Stack<string>([right.Key]);
        while (pending.TryPop(out var key))
        {
            if (ByKey.TryGetValue(key, out var r) && (mask & r.Mask) == 0)
            {
                mask |= r.Mask;
                foreach (var implied in r.Implies)
                {
                    pending.Push(implied);
                }
            }
        }

        return mask;
    }
}

/// <summary>Every shareable type the modules declared, by key.</summary>
public sealed class ShareableTypes(IEnumerable<ShareableType> types)
{
    private readonly FrozenDictionary<string, ShareableType> _types = types.ToFrozenDictionary(t => t.Key, StringComparer.Ordinal);

    public ShareableType? Find(string key) => _types.GetValueOrDefault(key);

    public IEnumerable<ShareableType> All => _types.Values;
}
