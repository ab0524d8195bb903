using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Preau.Bench.Visibility;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Bench.Feed;

/// <summary>Marker for the bench type's texts (no resources: the keys read as they are).</summary>
public sealed class FeedBenchStrings;

/// <summary>Counts the SQL commands a measured call sends, to show they do not grow with the audience.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>
/// The feed's measures through the real services of a real container, each sample in a scope of
/// its own as a request has, timed around the one call.
/// </summary>
public sealed class FeedMeasurements(IServiceProvider services, GeneratedPlatform platform, CommandCounter commands)
{
    public const string Type = "bench.announcement";

    private readonly LatencyTable _table = new();
    private readonly List<string> _checks = [];

    public IReadOnlyList<string> Checks => _checks;

    public static FeedType BenchType => new(Type, "news", "news", typeof(FeedBenchStrings), "Label", "Text");

    /// <summary>
    /// Publishes to the big school's four structure-wide profile groups (pupils, parents,
    /// teachers, staff) and, for the ratio, to one class's pupils and parents.
    /// </summary>
    public async Task PublishAsync(int samples, CancellationToken ct)
    {
        var big = platform.Big;
        var actor = big.Personnel.First(p => !big.Blocked.Contains(p));
        IReadOnlyList<Guid> schoolGroups;
        IReadOnlyList<Guid> classGroups;
        int schoolAudience, classAudience;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            schoolGroups = await db.Groups.Where(g => g.StructureId == big.Id && g.ClassId == null && g.Kind == GroupKind.Profile
                && (g.Profile == Profile.Student || g.Profile == Profile.Relative || g.Profile == Profile.Teacher || g.Profile == Profile.Personnel))
                .Select(g => g.Id).ToListAsync(ct);
            var firstClass = big.Classes[0].Id;
            classGroups = await db.Groups.Where(g => g.ClassId == firstClass && (g.Profile == Profile.Student || g.Profile == Profile.Relative)).Select(g => g.Id).ToListAsync(ct);
            schoolAudience = await AudienceAsync(db, schoolGroups, actor, ct);
            classAudience = await AudienceAsync(db, classGroups, actor, ct);
        }

        var school = await TimePublishAsync("publish to a whole school", schoolGroups, actor, schoolAudience, samples, ct);
        var oneClass = await TimePublishAsync("publish to one class", classGroups, actor, classAudience, samples, ct);
        _checks.Add(Invariant($"Publishing to {schoolAudience:N0} people takes {school.P50 / oneClass.P50:0.0}× the time of publishing to {classAudience:N0} ({(double)schoolAudience / classAudience:0}× the people), in {school.Commands} SQL commands against {oneClass.Commands}: the commands do not grow with the number of people."));
    }

    private static Task<int> AudienceAsync(PreauDbContext db, IReadOnlyList<Guid> groups, Guid actor, CancellationToken ct) =>
        db.GroupMembers.Where(m => groups.Contains(m.GroupId) && m.UserId != actor)
            .Join(db.Users.Where(u => u.State != AccountState.Blocked && u.DetachedAt == null), m => m.UserId, u => u.Id, (m, u) => u.Id)
            .Distinct().CountAsync(ct);

    private sealed record Timing(double P50, double P99, int Commands);

    private async Task<Timing> TimePublishAsync(string measure, IReadOnlyList<Guid> groups, Guid actor, int audience, int samples, CancellationToken ct)
    {
        var times = new List<double>();
        var commandCounts = new HashSet<int>();
        for (var i = -3; i < samples; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var publisher = scope.ServiceProvider.GetRequiredService<FeedPublisher>();
            var notice = new FeedNotice(Type, actor, "bench:" + Guid.NewGuid(), "/bench", new Dictionary<string, string> { ["title"] = "Sortie" }) { Groups = groups };
            commands.Reset();
            var watch = Stopwatch.StartNew();
            var published = await publisher.PublishAsync(notice, ct);
            watch.Stop();
            if (published.NewRecipients != audience)
            {
                throw new InvalidOperationException($"{measure}: {published.NewRecipients} items written for an audience of {audience}.");
            }

            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                commandCounts.Add(commands.Count);
            }
        }

        var row = _table.Add(measure, Invariant($"{audience:N0} people"), times, Invariant($"{string.Join("/", commandCounts.Order())} SQL commands each"));
        return new Timing(row.P50, row.P99, commandCounts.Max());
    }

    /// <summary>
    /// Fills the recipients' table up to <paramref name="rows"/> items, spread over every account
    /// (an equal share of a pool of events each, five unread), in set statements on the server.
    /// </summary>
    public async Task<(long Rows, long Events, TimeSpan Elapsed)> FillAsync(long rows, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var users = await db.Users.LongCountAsync(ct);
        var perUser = Math.Max(1, (int)(rows / users));
        var events = Math.Max(perUser * 20L, 1000L);
        var postgres = db.Database.IsNpgsql();
        var firstEvent = (await db.Set<FeedEvent>().MaxAsync(e => (long?)e.Id, ct) ?? 0) + 1;
        var now = TimeProvider.System.GetUtcNow();
        var sql = postgres
            ? Invariant($"""
                INSERT INTO fed_events (type, app, actor_id, resource_key, link, "values", structure_id, created_at, updated_at, repeats, reaches_later_members)
                SELECT '{Type}', (ARRAY['news','blog','messaging','homework'])[1 + g % 4], NULL, 'bench:fill:' || g, '/bench/' || g,
                       '{"{{"}"title":"Nouvelle ' || g || '"{"}}"}', NULL, now() - ({events} - g) * interval '1 minute', now() - ({events} - g) * interval '1 minute', 0, false
                FROM generate_series(1, {events}) g
                """)
            : Invariant($"""
                WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < {events})
                INSERT INTO fed_events (type, app, actor_id, resource_key, link, "values", structure_id, created_at, updated_at, repeats, reaches_later_members)
                SELECT '{Type}', CASE g % 4 WHEN 0 THEN 'news' WHEN 1 THEN 'blog' WHEN 2 THEN 'messaging' ELSE 'homework' END, NULL, 'bench:fill:' || g, '/bench/' || g,
                       '{"{{"}"title":"Nouvelle ' || g || '"{"}}"}', NULL, {now.UtcTicks} - ({events} - g) * 600000000, {now.UtcTicks} - ({events} - g) * 600000000, 0, 0
                FROM s
                """);
        await db.Database.ExecuteSqlRawAsync(sql, ct);

        // Each person gets perUser distinct events (k * 2003 never wraps to the same residue below
        // the pool's size), the first five unread.
        var series = postgres ? Invariant($"generate_series(1, {perUser}) k(k)") : "k";
        var withK = postgres ? string.Empty : Invariant($"WITH RECURSIVE k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < {perUser}) ");
        var fill = Invariant($"""
            {withK}INSERT INTO fed_recipients (user_id, event_id, app, state)
            SELECT u.id, e.id, e.app, CASE WHEN k.k <= 5 THEN 0 ELSE 1 END
            FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM dir_users) u
            CROSS JOIN {series}
            JOIN fed_events e ON e.id = {firstEvent} + ((u.n * 7919 + k.k * 2003) % {events})
            """);
        await db.Database.ExecuteSqlRawAsync(fill, ct);
        await db.Database.ExecuteSqlRawAsync(postgres ? "VACUUM ANALYZE fed_recipients" : "ANALYZE", ct);
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE fed_events", ct);
        }

        var total = await db.Set<FeedRecipient>().LongCountAsync(ct);
        return (total, await db.Set<FeedEvent>().LongCountAsync(ct), watch.Elapsed);
    }

    /// <summary>The feed's reads for random people: first page, next page, filtered page, unread count.</summary>
    public async Task ReadAsync(int samples, int seed, CancellationToken ct)
    {
        List<Guid> people;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            people = await db.Users.Where(u => u.State != AccountState.Blocked).Select(u => u.Id).ToListAsync(ct);
        }

        var random = new Random(seed);
        var chosen = Enumerable.Range(0, samples).Select(_ => people[random.Next(people.Count)]).ToList();
        var first = new List<double>();
        var next = new List<double>();
        var filtered = new List<double>();
        var unread = new List<double>();
        var pageCommands = new HashSet<int>();
        foreach (var person in chosen)
        {
            await using var scope = services.CreateAsyncScope();
            var feed = scope.ServiceProvider.GetRequiredService<FeedReader>();
            commands.Reset();
            var watch = Stopwatch.StartNew();
            var page = await feed.PageAsync(person, new FeedQuery(Size: 20), ct);
            first.Add(watch.Elapsed.TotalMilliseconds);
            pageCommands.Add(commands.Count);
            if (page.Items.Count != 20 || page.NextBefore is null)
            {
                throw new InvalidOperationException($"A person's first page held {page.Items.Count} items.");
            }

            watch.Restart();
            await feed.PageAsync(person, new FeedQuery(Before: page.NextBefore, Size: 20), ct);
            next.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await feed.PageAsync(person, new FeedQuery(App: "homework", Size: 20), ct);
            filtered.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var count = await feed.UnreadCountAsync(person, ct);
            unread.Add(watch.Elapsed.TotalMilliseconds);
            if (count < 5)
            {
                throw new InvalidOperationException($"A person had {count} unread items, not at least five.");
            }
        }

        _table.Add("feed, first page (20 items)", "random people", first, Invariant($"{string.Join("/", pageCommands.Order())} SQL command(s)"));
        _table.Add("feed, next page (cursor)", "random people", next, string.Empty);
        _table.Add("feed, one application", "random people", filtered, "homework only");
        _table.Add("unread count", "random people", unread, "capped at 99");
    }

    /// <summary>The plans of the unread count and the first page, from the database itself.</summary>
    public async Task<string> PlansAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var person = await db.Users.Select(u => u.Id).FirstAsync(ct);
        var postgres = db.Database.IsNpgsql();
        var id = postgres ? $"'{person}'" : $"'{person.ToString().ToUpperInvariant()}'";
        var count = Invariant($"SELECT count(*) FROM (SELECT 1 FROM fed_recipients WHERE user_id = {id} AND state = 0 LIMIT 100) t");
        var page = Invariant($"SELECT event_id FROM fed_recipients WHERE user_id = {id} AND state <> 2 ORDER BY event_id DESC LIMIT 21");
        var text = new StringBuilder();
        foreach (var (label, query) in new[] { ("unread count", count), ("first page's items", page) })
        {
            var plan = await CommandLog.ExplainAsync(db, postgres ? "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " : "EXPLAIN QUERY PLAN ", new CommandLog.Recorded(query, []), ct);
            text.AppendLine(Invariant($"{label}:"));
            text.AppendLine("```");
            text.AppendLine(plan.TrimEnd());
            text.AppendLine("```");
            if (label == "unread count")
            {
                var indexOnly = postgres ? plan.Contains("Index Only Scan", StringComparison.Ordinal) : plan.Contains("COVERING INDEX", StringComparison.Ordinal);
                var onIndex = plan.Contains("ix_fed_recipients_unread", StringComparison.Ordinal);
                _checks.Add(indexOnly ? "The unread count is an index-only query on the unread items' index, stopped at the cap."
                    : onIndex ? "The unread count reads the unread items' index, stopped at the cap; the planner chose to visit the rows too on this run (small tables)."
                    : "The unread count does NOT use the unread items' index on this run.");
            }
        }

        return text.ToString();
    }

    public string Table() => _table.Markdown();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
