using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Preau.Platform.Communication;
using Preau.Platform.Security;

namespace Preau.Feed.Live;

/// <summary>
/// The hub open pages listen to. On connection, a person's connection joins one SignalR group per
/// directory group they belong to and one of their own, so a publication is told to its audience
/// by group names, never by a query per recipient. Pages call nothing: they only hear
/// <see cref="FeedMessage"/> with an event id, then fetch what they may see in their language.
/// </summary>
[Authorize]
internal sealed class FeedHub(Reach reach, LiveConnections connections) : Hub
{
    /// <summary>The one message: "something new for you", with the event's id.</summary>
    public const string FeedMessage = "feed";

    /// <summary>Sent once the connection has joined its groups: from then on it hears every publication to them.</summary>
    public const string ReadyMessage = "ready";

    public override async Task OnConnectedAsync()
    {
        var userId = Context.User?.GetUserId();
        if (userId is not { } id)
        {
            Context.Abort();
            return;
        }

        // From the reach cache: memory on a warm node, two queries otherwise.
        var membership = (await reach.MembershipsAsync([id], Context.ConnectionAborted))[id];
        if (!membership.Visible)
        {
            Context.Abort(); // blocked or detached since the page was served
            return;
        }

        connections.Add(id, Context.ConnectionId);
        var names = membership.GroupIds.Select(LiveGroups.Group).Append(LiveGroups.User(id));
        await Task.WhenAll(names.Select(name => Groups.AddToGroupAsync(Context.ConnectionId, name, Context.ConnectionAborted)));
        await base.OnConnectedAsync();
        await Clients.Caller.SendAsync(ReadyMessage, Context.ConnectionAborted);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User?.GetUserId() is { } id)
        {
            connections.Remove(id, Context.ConnectionId);
        }

        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>The SignalR group names: one per directory group, one per person.</summary>
internal static class LiveGroups
{
    public static string Group(Guid groupId) => "g:" + groupId.ToString("N");

    public static string User(Guid userId) => "u:" + userId.ToString("N");
}
