using Preau.Platform.Feed;
using Preau.Platform.Sharing;

namespace Preau.Blog.Features;

/// <summary>Who hears of a blog's events: its owner and the people and groups its shares give a right to.</summary>
public sealed class BlogAudience(Shares shares, ShareableTypes types)
{
    /// <summary>A notice addressed to those who hold <paramref name="right"/> on the blog (its owner always).</summary>
    public async Task<FeedNotice> ToHoldersAsync(FeedNotice notice, Guid blogId, Guid ownerId, string right, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var bit = types.Find(BlogModule.ShareType)!.BitOf(right) ?? throw new ArgumentException($"No blog right {right}.", nameof(right));
        var held = (await shares.OfAsync(BlogModule.ShareType, blogId, tracked: false, ct)).Where(s => (s.Rights & bit) != 0).ToList();
        return notice with
        {
            Users = [ownerId, .. held.Where(s => s.PrincipalKind == PrincipalKind.User).Select(s => s.PrincipalId)],
            Groups = [.. held.Where(s => s.PrincipalKind == PrincipalKind.Group).Select(s => s.PrincipalId)],
        };
    }
}
