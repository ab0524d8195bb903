using Preau.Platform.Feed;

namespace Preau.Feed.Features.FeedReading;

/// <summary>
/// A person's feed as the page, the home section, the live fragment and the API ask for it: a
/// page newest first (by application, older or newer than an event), and the unread count. A
/// first page is the person opening their feed: it first gives them what modules opened to
/// later members of their groups.
/// </summary>
public sealed class ReadFeed(FeedReader reader, FeedTypes types)
{
    public const int DefaultSize = 20;

    public sealed record Request(string? App = null, long? Before = null, long? After = null, int? Size = null);

    /// <summary>The unread count, and whether it went past the cap (shown "99+").</summary>
    public sealed record Unread(int Count, bool OverCap)
    {
        /// <summary>The shell's count, made once per request and shared with the bell.</summary>
        public static Unread Of(Preau.Platform.Theming.UnreadBadge? badge) =>
            badge is null ? new Unread(0, false) : badge.OverCap ? new Unread(badge.Cap, true) : new Unread(badge.Count, false);
    }

    /// <summary>Problems of a request, by field, as string keys; null when it is fine.</summary>
    public IReadOnlyDictionary<string, string[]>? Validate(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Size is { } size && (size < 1 || size > FeedReader.MaxPageSize))
        {
            errors["Size"] = ["Error.Size"];
        }

        if (!string.IsNullOrEmpty(request.App) && !types.Apps.Contains(request.App, StringComparer.Ordinal))
        {
            errors["App"] = ["Error.App"];
        }

        if (request.Before is <= 0)
        {
            errors["Before"] = ["Error.Cursor"];
        }

        if (request.After is < 0)
        {
            errors["After"] = ["Error.Cursor"];
        }

        return errors.Count == 0 ? null : errors;
    }

    /// <summary>
    /// The request made harmless for a page (an old bookmark, a hand-typed address): an unknown
    /// application or a bad cursor is dropped rather than refused.
    /// </summary>
    public Request Lenient(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Request(
            !string.IsNullOrEmpty(request.App) && types.Apps.Contains(request.App, StringComparer.Ordinal) ? request.App : null,
            request.Before is > 0 ? request.Before : null,
            request.After is >= 0 ? request.After : null,
            request.Size is { } size ? Math.Clamp(size, 1, FeedReader.MaxPageSize) : null);
    }

    /// <summary>A page of a valid request (see <see cref="Validate"/>).</summary>
    public async Task<FeedPage> PageAsync(Guid userId, Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Before is null && request.After is null)
        {
            await reader.CatchUpAsync(userId, ct);
        }

        return await reader.PageAsync(userId, new FeedQuery(request.App, request.Before, request.After, request.Size ?? DefaultSize), ct);
    }

    /// <summary>
    /// The newest items for the home page's section, without the catch-up: the home page is
    /// everyone's first page at the 8 o'clock rush and keeps to a few queries; opening the feed
    /// itself (the section's "Tout voir") catches up.
    /// </summary>
    public Task<FeedPage> LatestAsync(Guid userId, int size, CancellationToken ct = default) =>
        reader.PageAsync(userId, new FeedQuery(Size: size), ct);

    public async Task<Unread> UnreadAsync(Guid userId, CancellationToken ct = default)
    {
        var count = await reader.UnreadCountAsync(userId, ct);
        return reader.IsOverCap(count) ? new Unread(reader.Cap, true) : new Unread(count, false);
    }
}
