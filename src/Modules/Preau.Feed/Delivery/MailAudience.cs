using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Feed;
using Preau.Platform.Persistence;

namespace Preau.Feed.Delivery;

/// <summary>One unread item for one person who gets it by email, with what the email needs.</summary>
internal sealed record MailItem(
    Guid UserId, string Email, string DisplayName, string? Language,
    long EventId, string Type, string Values, string Link, string? ActorName, DateTimeOffset At);

/// <summary>Which items: one event's (immediate email), or the events of a period (a digest).</summary>
internal sealed record MailScope(long? EventId, DateTimeOffset? Since, DateTimeOffset? Until)
{
    public static MailScope Event(long id) => new(id, null, null);

    public static MailScope Period(DateTimeOffset since, DateTimeOffset until) => new(null, since, until);
}

/// <summary>
/// Set-based selection of the people to email and of their items, on the server: unread items of
/// live events, people with an address who may sign in, whose channel for the item's type is the
/// one asked — their own choice, else their profile's default by <see cref="FeedDefaults"/> (the
/// SuperAdmin's, else the module's) — and who were not yet sent this email (<see cref="FeedMailSend"/>).
/// </summary>
internal sealed class MailAudience(PreauDbContext db, FeedTypes types, FeedDefaults defaults)
{
    /// <summary>Up to <paramref name="size"/> people still to email under <paramref name="key"/>.</summary>
    public async Task<IReadOnlyList<Guid>> NextPeopleAsync(MailScope scope, FeedChannel channel, string key, int size, CancellationToken ct)
    {
        var (where, parameters) = await WhereAsync(scope, channel, ct);
        parameters.Add(("key", key));
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT DISTINCT r.user_id {From} WHERE {where}
              AND NOT EXISTS (SELECT 1 FROM fed_mail_sends s WHERE s.key = @key AND s.user_id = r.user_id)
            ORDER BY r.user_id LIMIT {size}
            """);
        var people = new List<Guid>();
        await using var reader = await RawSql.ReaderAsync(db, sql, parameters, ct);
        while (await reader.Reader.ReadAsync(ct))
        {
            people.Add(reader.Reader.GetGuid(0));
        }

        return people;
    }

    /// <summary>The items of these people, newest first.</summary>
    public async Task<IReadOnlyList<MailItem>> ItemsAsync(MailScope scope, FeedChannel channel, IReadOnlyList<Guid> people, CancellationToken ct)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var (where, parameters) = await WhereAsync(scope, channel, ct);
        var names = people.Select((id, i) =>
        {
            var name = "u" + i.ToString(CultureInfo.InvariantCulture);
            parameters.Add((name, RawSql.Id(db, id)));
            return "@" + name;
        }).ToList();
        var sql = $"""
            SELECT r.user_id, u.email, u.display_name, u.language, e.id, e.type, e."values", e.link, a.display_name, e.created_at
            {From} LEFT JOIN dir_users a ON a.id = e.actor_id
            WHERE {where} AND r.user_id IN ({string.Join(", ", names)})
            ORDER BY r.user_id, e.id DESC
            """;
        var items = new List<MailItem>();
        await using var reader = await RawSql.ReaderAsync(db, sql, parameters, ct);
        var r = reader.Reader;
        while (await r.ReadAsync(ct))
        {
            items.Add(new MailItem(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetInt64(4), r.GetString(5), r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), RawSql.ReadInstant(db, r, 9)));
        }

        return items;
    }

    private const string From = """
        FROM fed_recipients r
        JOIN fed_events e ON e.id = r.event_id
        JOIN dir_users u ON u.id = r.user_id
        LEFT JOIN fed_preferences p ON p.user_id = r.user_id AND p.type = e.type
        """;

    private async Task<(string Where, List<(string, object)> Parameters)> WhereAsync(MailScope scope, FeedChannel channel, CancellationToken ct)
    {
        List<(string, object)> parameters = [];
        var where = new List<string>
        {
            $"r.state = {(int)FeedItemState.Unread}",
            "e.removed_at IS NULL",
            "u.email IS NOT NULL AND u.email <> ''",
            $"u.state = {(int)AccountState.Active} AND u.detached_at IS NULL",
        };
        if (scope.EventId is { } eventId)
        {
            where.Add(string.Create(CultureInfo.InvariantCulture, $"r.event_id = {eventId}"));
        }

        if (scope.Since is { } since && scope.Until is { } until)
        {
            where.Add("e.created_at > @since AND e.created_at <= @until");
            parameters.Add(("since", RawSql.Instant(db, since)));
            parameters.Add(("until", RawSql.Instant(db, until)));
        }

        // The person's choice, else their profile's default for the item's type.
        var byDefault = new List<string>();
        var candidates = scope.EventId is { } id
            ? await db.Set<FeedEvent>().Where(e => e.Id == id).Select(e => e.Type).ToListAsync(ct)
            : types.All.Select(t => t.Key).ToList();
        foreach (var key in candidates)
        {
            if (types.Find(key) is not { } type)
            {
                continue;
            }

            var profiles = await defaults.ProfilesWithAsync(type, channel, ct);
            if (profiles.Count > 0)
            {
                var name = "t" + byDefault.Count.ToString(CultureInfo.InvariantCulture);
                parameters.Add((name, type.Key));
                byDefault.Add($"(e.type = @{name} AND u.profile IN ({FeedPublisher.ProfileList(profiles)}))");
            }
        }

        var chosen = string.Create(CultureInfo.InvariantCulture, $"p.channel = {(int)channel}");
        where.Add(byDefault.Count == 0 ? chosen : $"({chosen} OR (p.channel IS NULL AND ({string.Join(" OR ", byDefault)})))");
        return (string.Join("\n  AND ", where), parameters);
    }
}
