using Microsoft.AspNetCore.SignalR;
using Preau.Platform.Feed;

namespace Preau.Feed.Live;

/// <summary>
/// After each publication, tells the open pages of its audience: one message per audience group
/// and person, addressed by SignalR group names (see <see cref="FeedHub"/>), whatever the size of
/// the audience. The message is the event id only: each page then asks the server for its own
/// count and items, so what it shows is decided there, in the reader's language. The actor's
/// pages on this node are left out.
/// </summary>
internal sealed class LiveFeedListener(IHubContext<FeedHub> hub, LiveConnections connections) : IFeedListener
{
    public async Task OnPublishedAsync(FeedPublished published, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (published.NewRecipients == 0)
        {
            return; // a repeat that reached no one new: no count and no list changed
        }

        var names = published.Groups.Distinct().Select(LiveGroups.Group)
            .Concat(published.Users.Distinct().Where(u => u != published.ActorId).Select(LiveGroups.User))
            .ToList();
        var actorConnections = published.ActorId is { } actor ? connections.Of(actor) : [];
        if (actorConnections.Count == 0)
        {
            await hub.Clients.Groups(names).SendAsync(FeedHub.FeedMessage, published.EventId, ct);
            return;
        }

        foreach (var name in names)
        {
            await hub.Clients.GroupExcept(name, actorConnections).SendAsync(FeedHub.FeedMessage, published.EventId, ct);
        }
    }
}
