using Preau.Platform.Feed;
using Preau.Platform.Sharing;

namespace Preau.Blog.Features;

/// <summary>Who hears of a blog's events: its owner and the people and groups its shares give a right to.</summary>
public sealed class BlogAudience(Shares shares)
{
    /// <summary>A notice addressed to those who hold <paramref name="right"/> on the blog (its owner always).</summary>
    public async Task<FeedNotice> ToHoldersAsync(FeedNotice notice, Guid blogId, Guid ownerId, string right, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var (users, groups) = await shares.HoldersAsync(BlogModule.ShareType, blogId, right, ct);
        return notice with { Users = [ownerId, .. users], Groups = groups };
    }
}
