using Preau.Platform.Feed;

namespace Preau.Feed.Features.FeedReading;

/// <summary>
/// What a person does with the items of their feed: open one, mark it or all read, hide one,
/// report one. Every id is looked up among the person's own items: another's is not found.
/// </summary>
public sealed class FeedItemActions(FeedReader reader)
{
    public const int MaxReasonLength = 500;

    /// <summary>One of the person's items as the feed shows it; null when it is not theirs (or hidden).</summary>
    public async Task<FeedItem?> FindAsync(Guid userId, long eventId, CancellationToken ct = default)
    {
        if (eventId <= 0 || eventId == long.MaxValue)
        {
            return null;
        }

        var page = await reader.PageAsync(userId, new FeedQuery(Before: eventId + 1, Size: 1), ct);
        return page.Items is [var item] && item.EventId == eventId ? item : null;
    }

    /// <summary>Where the item leads, marked read on the way; null when it is not theirs.</summary>
    public Task<string?> OpenAsync(Guid userId, long eventId, CancellationToken ct = default) =>
        reader.OpenAsync(userId, eventId, ct);

    public Task<bool> MarkReadAsync(Guid userId, long eventId, CancellationToken ct = default) =>
        reader.MarkReadAsync(userId, eventId, ct);

    public Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct = default) =>
        reader.MarkAllReadAsync(userId, ct);

    public Task<bool> HideAsync(Guid userId, long eventId, CancellationToken ct = default) =>
        reader.HideAsync(userId, eventId, ct);

    /// <summary>The problem with a report's reason, as a string key; null when it is fine.</summary>
    public static string? ValidateReason(string? reason) =>
        reason is { Length: > MaxReasonLength } ? "Error.Reason" : null;

    /// <summary>Sends the item to its school's moderators and takes it out of the person's feed.</summary>
    public Task<bool> ReportAsync(Guid userId, long eventId, string? reason, CancellationToken ct = default) =>
        reader.ReportAsync(userId, eventId, reason, ct);
}
