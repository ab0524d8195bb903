using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Platform.Persistence;
using Preau.Platform.Resources;

namespace Preau.Platform.Sharing;

/// <summary>A right as the dialog offers it: its key, its label, the rights it brings.</summary>
public sealed record RightOption(string Key, string Label, IReadOnlyList<string> Implies);

/// <summary>One share as its manager sees it; a hidden person or group has no name.</summary>
public sealed record ShareLine(PrincipalCard Principal, IReadOnlyList<string> Rights, bool Self);

/// <summary>The shares of a resource, for the dialog and the API.</summary>
public sealed record ShareSheet(string Type, string TypeLabel, Guid ResourceId, string Title, Guid OwnerId, string? OwnerName,
    IReadOnlyList<RightOption> Rights, IReadOnlyList<ShareLine> Shares)
{
    public int Hidden => Shares.Count(s => !s.Principal.Visible);
}

/// <summary>The shares of a resource, for its owner or a holder of manage (null for anyone else: a 404).</summary>
public sealed class ViewShares(PreauDbContext db, Shares shares, SharePrincipals principals, IStringLocalizerFactory localizers, IStringLocalizer<SharingStrings> strings)
{
    public async Task<ShareSheet?> HandleAsync(Guid viewerId, string type, Guid resourceId, CancellationToken ct)
    {
        if (await shares.ManagedAsync(viewerId, type, resourceId, ct) is not var (shareable, resource))
        {
            return null;
        }

        var rows = await shares.OfAsync(type, resourceId, tracked: false, ct);
        var cards = await principals.DescribeAsync(viewerId, [.. rows.Select(r => new SharePrincipal(r.PrincipalKind, r.PrincipalId))], ct);
        var owner = await db.Users.AsNoTracking().Where(u => u.Id == resource.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var lines = rows
            .Select(r => new ShareLine(cards[r.PrincipalId], shareable.KeysOf(r.Rights), r.PrincipalId == viewerId))
            // Groups first, then people by name; hidden ones last.
            .OrderBy(l => l.Principal.Visible ? 0 : 1).ThenBy(l => l.Principal.Kind == PrincipalKind.Group ? 0 : 1)
            .ThenBy(l => l.Principal.Name, StringComparer.CurrentCulture)
            .ToList();
        var labels = localizers.Create(shareable.Labels);
        return new ShareSheet(type, Label(labels, shareable.LabelKey), resourceId, resource.Title, resource.OwnerId, owner,
            [.. shareable.Rights.Select(r => new RightOption(r.Key, Label(labels, r.LabelKey), r.Implies))], lines);
    }

    // A module's own right or type is labelled in its strings; the common ones in the platform's.
    private string Label(IStringLocalizer module, string key)
    {
        var own = module[key];
        return own.ResourceNotFound ? strings[key].Value : own.Value;
    }
}
