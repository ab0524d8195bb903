using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Bench.Visibility;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Bench.Messaging;

/// <summary>
/// The messagerie's measures through its real use cases in a real container, each operation in a
/// scope of its own as a request has, timed around the one call.
/// </summary>
public sealed class MessagingMeasurements(IServiceProvider services, GeneratedPlatform platform, CommandLog commands, int seed)
{
    private const int PageSize = 25;
    private static readonly string[] FolderNames = ["Conseils de classe", "Sorties", "Administration"];

    private readonly LatencyTable _table = new();
    private readonly List<string> _checks = [];
    private readonly Random _random = new(seed);
    private Guid _holder;
    private int _inboxUnread;
    private int _mailbox;

    public IReadOnlyList<string> Checks => _checks;

    /// <summary>A class's audience: its pupils' and parents' groups, and how many active people they hold.</summary>
    private sealed record ClassAudience(string Name, Guid Teacher, IReadOnlyList<Guid> Groups, int People, int Pupils, int Parents);

    /// <summary>
    /// Gives a staff member of the big school a mailbox of <paramref name="count"/> messages written
    /// in bulk (COPY on PostgreSQL, prepared inserts on SQLite): over twelve months, 60 % in the inbox,
    /// 22 % sent (with their addresses), 12 % in three folders of their own, 5 % in the trash, a few
    /// drafts; about 5 % unread.
    /// </summary>
    public async Task<string> FillMailboxAsync(int count, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var big = platform.Big;
        _mailbox = count;
        _holder = big.Personnel.First(p => !big.Blocked.Contains(p));
        var correspondents = big.Teachers.Concat(big.Parents.Take(400)).Concat(big.Personnel).Where(p => p != _holder && !big.Blocked.Contains(p)).ToList();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var names = await db.Users.AsNoTracking().Where(u => correspondents.Contains(u.Id) || u.Id == _holder).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        await using var bulk = await BulkWriter.OpenAsync(db, [typeof(MailFolder), typeof(Message), typeof(MessageAddress), typeof(MailboxEntry)], ct);
        var now = TimeProvider.System.GetUtcNow();
        var folders = FolderNames.Select(name => new MailFolder
        {
            Id = Guid.CreateVersion7(now), UserId = _holder, Name = name, Depth = 1, CreatedAt = now.AddDays(-365),
        }).ToList();
        db.AddRange(folders);
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        var unread = 0;
        for (var i = 0; i < count; i++)
        {
            var date = now.AddSeconds(-_random.NextDouble() * 365 * 86400);
            var roll = _random.NextDouble();
            var (folder, label) = roll switch
            {
                < 0.60 => (SystemFolders.Inbox, "inbox"),
                < 0.82 => (SystemFolders.Sent, "sent"),
                < 0.94 => (folders[(int)((roll - 0.82) / 0.04)].Id, "own folders"),
                < 0.99 => (SystemFolders.Trash, "trash"),
                _ => (SystemFolders.Drafts, "drafts"),
            };
            tally[label] = tally.GetValueOrDefault(label) + 1;
            var mine = folder == SystemFolders.Sent || folder == SystemFolders.Drafts;
            var sender = mine ? _holder : correspondents[_random.Next(correspondents.Count)];
            var isUnread = !mine && folder != SystemFolders.Trash && _random.NextDouble() < 0.065;
            if (isUnread)
            {
                unread++;
                _inboxUnread += folder == SystemFolders.Inbox ? 1 : 0;
            }

            var id = Guid.CreateVersion7(date);
            var subject = Invariant($"Message {i} : réunion, sortie ou devoirs");
            var text = Invariant($"Bonjour, voici le message numéro {i}, avec quelques lignes de texte comme en écrit une famille ou un collègue.");
            var recipients = mine ? 1 + _random.Next(3) : 1;
            db.Add(new Message
            {
                Id = id, ThreadId = id, SenderId = sender, SenderName = names[sender], Subject = subject,
                Body = "<p>" + text + "</p>", Preview = text, SearchText = text.ToLowerInvariant(),
                State = folder == SystemFolders.Drafts ? MessageState.Draft : MessageState.Sent,
                CreatedAt = date, UpdatedAt = date, SentAt = folder == SystemFolders.Drafts ? null : date,
                Size = text.Length + 7, RecipientCount = recipients,
            });
            if (mine)
            {
                for (var r = 0; r < recipients; r++)
                {
                    var to = correspondents[_random.Next(correspondents.Count)];
                    db.Add(new MessageAddress { MessageId = id, Position = r, Field = AddressField.To, TargetId = to, Name = names[to] });
                }
            }

            db.Add(new MailboxEntry
            {
                UserId = _holder, MessageId = id, FolderId = folder, Date = date, Unread = isUnread, Received = !mine,
                TrashedFrom = folder == SystemFolders.Trash ? SystemFolders.Inbox : null,
            });
            if (i % 5_000 == 4_999)
            {
                await bulk.WriteAsync(db, ct);
            }
        }

        await bulk.WriteAsync(db, ct);
        await bulk.CompleteAsync(ct);
        await FillOthersAsync(db, ct);
        if (db.Database.IsNpgsql())
        {
            // What autovacuum does after a load: the visibility map lets the counts answer from the index alone.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE msg_mailbox", ct);
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE msg_messages", ct);
        }

        var others = await OthersAsync(db, ct);
        var split = string.Join(", ", tally.OrderByDescending(t => t.Value).Select(t => Invariant($"{t.Key} {t.Value:N0}")));
        return Invariant($"Mailbox of one staff member of the big school: {count:N0} messages over twelve months ({split}), {unread:N0} unread ({100.0 * unread / Math.Max(1, count):0.0} %, {_inboxUnread:N0} in the inbox), plus {others:N0} entries of these messages in the inboxes of {OtherPeople:N0} other people ({OtherEntries} each, 5 unread), so that the table and its statistics hold more than one box; written in {watch.Elapsed.TotalSeconds:0.0} s (bulk, then VACUUM ANALYZE).");
    }

    /// <summary>Other people holding messages: the first accounts, each with <see cref="OtherEntries"/> of the pool in their inbox.</summary>
    public int OtherPeople { get; init; } = 5_000;

    public int OtherEntries { get; init; } = 100;

    /// <summary>
    /// Shares the big mailbox's inbox messages out to other people's inboxes, in one set statement
    /// on the server (each person a distinct stride of the pool, the first five unread).
    /// </summary>
    private async Task FillOthersAsync(PreauDbContext db, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var holder = postgres ? $"'{_holder}'" : $"'{_holder.ToString().ToUpperInvariant()}'";
        var inbox = postgres ? $"'{SystemFolders.Inbox}'" : $"'{SystemFolders.Inbox.ToString().ToUpperInvariant()}'";
        var pool = await db.Set<MailboxEntry>().CountAsync(e => e.UserId == _holder && e.FolderId == SystemFolders.Inbox, ct);
        var series = postgres ? Invariant($"generate_series(1, {OtherEntries}) k(k)") : "k";
        var withK = postgres ? string.Empty : Invariant($"WITH RECURSIVE k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < {OtherEntries}) ");
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync(Invariant($"""
            {withK}INSERT {(postgres ? "" : "OR IGNORE ")}INTO msg_mailbox (user_id, message_id, folder_id, trashed_from, unread, date, received, hidden)
            SELECT u.id, e.message_id, e.folder_id, NULL, k.k <= 5, e.date, TRUE, FALSE
            FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM dir_users WHERE id <> {holder} ORDER BY id LIMIT {OtherPeople}) u
            CROSS JOIN {series}
            JOIN (SELECT message_id, folder_id, date, row_number() OVER (ORDER BY message_id) - 1 AS n FROM msg_mailbox WHERE user_id = {holder} AND folder_id = {inbox}) e
              ON e.n = (u.n * 7919 + k.k * 2003) % {pool}
            {(postgres ? "ON CONFLICT DO NOTHING" : "")}
            """), ct);
        if (!postgres)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
    }

    private async Task<long> OthersAsync(PreauDbContext db, CancellationToken ct) =>
        await db.Set<MailboxEntry>().LongCountAsync(e => e.UserId != _holder, ct);

    /// <summary>
    /// A teacher writes to their class (the pupils' and the parents' groups): the draft saved, then
    /// sent now; each sample checks that exactly the class's people received it. For the ratio, the
    /// same to one parent.
    /// </summary>
    public async Task SendToClassAsync(int samples, CancellationToken ct)
    {
        var audience = (await AudiencesAsync(1, ct))[0];
        var me = await ContextAsync(audience.Teacher, ct);
        var parent = await FirstParentAsync(audience, ct);
        var toClass = new DraftContent([.. audience.Groups.Select(g => new RecipientRef(g, true))], [], [], "Sortie au musée", "<p>Bonjour, la sortie au musée aura lieu <b>jeudi</b>. Merci de signer l'autorisation.</p>");
        var toOne = toClass with { To = [new RecipientRef(parent, false)] };
        var oneClass = await TimeSendsAsync(Invariant($"class {audience.Name}"), me, toClass, audience.People, samples, ct);
        var onePerson = await TimeSendsAsync("one parent", me, toOne, 1, Math.Max(3, samples / 2), ct);
        _checks.Add(Invariant($"Sending to {audience.People} people ({audience.Pupils} pupils + {audience.Parents} parents) takes {oneClass.P50 / onePerson.P50:0.0}× the time of sending to one person (p50), in {oneClass.Commands} SQL commands against {onePerson.Commands} (the recipients' inbox entries and the notification's audience are one INSERT … SELECT each, whatever the audience)."));
    }

    private sealed record Timing(double P50, double P99, string Commands);

    private async Task<Timing> TimeSendsAsync(string subject, UserContext me, DraftContent content, int expected, int samples, CancellationToken ct)
    {
        var drafts = new List<double>();
        var sends = new List<double>();
        var draftCommands = new SortedSet<int>();
        var sendCommands = new SortedSet<int>();
        for (var i = -5; i < samples; i++)
        {
            var (draftMs, draftCount, id) = await DraftAsync(me, content, ct);
            var (sendMs, sendCount, sent) = await SendAsync(me, id, ct);
            if (sent != expected)
            {
                throw new InvalidOperationException($"A message to {subject} reached {sent} people, not {expected}.");
            }

            if (i >= 0)
            {
                drafts.Add(draftMs);
                sends.Add(sendMs);
                draftCommands.Add(draftCount);
                sendCommands.Add(sendCount);
            }
        }

        var commandsText = string.Join("/", sendCommands);
        _table.Add("save the draft", subject, drafts, Invariant($"`SaveDraft.CreateAsync`, {string.Join("/", draftCommands)} SQL commands"));
        var row = _table.Add("send now", Invariant($"{subject}: {expected} people"), sends, Invariant($"`SendMessage.NowAsync`, {commandsText} SQL commands"));
        _table.Add("draft + send", subject, [.. drafts.Zip(sends, (a, b) => a + b)], "both requests");
        return new Timing(row.P50, row.P99, commandsText);
    }

    private async Task<(double Ms, int Commands, Guid Id)> DraftAsync(UserContext me, DraftContent content, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<SaveDraft>();
        var tally = commands.Start();
        var watch = Stopwatch.StartNew();
        var saved = await save.CreateAsync(me, content, null, ct);
        watch.Stop();
        if (!saved.Succeeded || saved.Value!.Refused.Count > 0)
        {
            throw new InvalidOperationException("The draft was refused or lost recipients: the generated directory does not let the teacher write to the class.");
        }

        return (watch.Elapsed.TotalMilliseconds, tally.Count, saved.Value.Id);
    }

    private async Task<(double Ms, int Commands, int Recipients)> SendAsync(UserContext me, Guid draft, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var send = scope.ServiceProvider.GetRequiredService<SendMessage>();
        var tally = commands.Start();
        var watch = Stopwatch.StartNew();
        var sent = await send.NowAsync(me, draft, ct);
        watch.Stop();
        if (!sent.Succeeded || sent.Value!.State != MessageState.Sent)
        {
            throw new InvalidOperationException("The send was refused: " + string.Join(", ", sent.Errors?.SelectMany(e => e.Value) ?? ["not found"]));
        }

        return (watch.Elapsed.TotalMilliseconds, tally.Count, sent.Value.Recipients);
    }

    /// <summary>
    /// Opens the inbox of the person holding the big mailbox, as the mailbox page does: the first
    /// page of the folder and the unread counts of every folder; then the next page, the sent
    /// folder (with its recipients' names) and the unread badge.
    /// </summary>
    public async Task OpenInboxAsync(int samples, CancellationToken ct)
    {
        var me = await ContextAsync(_holder, ct);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            if (db.Database.IsNpgsql())
            {
                // Autovacuum's pass after the sends: the visibility map again covers the table, as it
                // does in service between bursts (the counts' index-only scan depends on it).
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE msg_mailbox", ct);
            }
        }

        var open = new List<double>();
        var pages = new List<double>();
        var counts = new List<double>();
        var next = new List<double>();
        var sent = new List<double>();
        var badge = new List<double>();
        var openCommands = new SortedSet<int>();
        var sentCommands = new SortedSet<int>();
        for (var i = -20; i < samples; i++)
        {
            string? after;
            await using (var scope = services.CreateAsyncScope())
            {
                var mailbox = scope.ServiceProvider.GetRequiredService<ReadMailbox>();
                var tally = commands.Start();
                var watch = Stopwatch.StartNew();
                var page = await mailbox.PageAsync(me, SystemFolders.Inbox, null, null, ct);
                var pageMs = watch.Elapsed.TotalMilliseconds;
                var perFolder = await mailbox.CountsAsync(me.Id, ct);
                watch.Stop();
                if (page is null || page.Lines.Count != PageSize || page.Next is null || perFolder[SystemFolders.Inbox].Unread != _inboxUnread)
                {
                    throw new InvalidOperationException($"The inbox opened with {page?.Lines.Count} lines and {perFolder[SystemFolders.Inbox].Unread} unread, not {PageSize} and {_inboxUnread}.");
                }

                after = page.Next;
                if (i >= 0)
                {
                    open.Add(watch.Elapsed.TotalMilliseconds);
                    pages.Add(pageMs);
                    counts.Add(watch.Elapsed.TotalMilliseconds - pageMs);
                    openCommands.Add(tally.Count);
                }
            }

            await using (var scope = services.CreateAsyncScope())
            {
                var mailbox = scope.ServiceProvider.GetRequiredService<ReadMailbox>();
                var watch = Stopwatch.StartNew();
                var page = await mailbox.PageAsync(me, SystemFolders.Inbox, after, null, ct);
                watch.Stop();
                if (page is null || page.Lines.Count != PageSize)
                {
                    throw new InvalidOperationException("The inbox's second page was not full.");
                }

                if (i >= 0)
                {
                    next.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            await using (var scope = services.CreateAsyncScope())
            {
                var mailbox = scope.ServiceProvider.GetRequiredService<ReadMailbox>();
                var tally = commands.Start();
                var watch = Stopwatch.StartNew();
                var page = await mailbox.PageAsync(me, SystemFolders.Sent, null, null, ct);
                watch.Stop();
                if (page is null || page.Lines.Count != PageSize || page.Lines.Any(l => l.Recipients.Length == 0))
                {
                    throw new InvalidOperationException("The sent folder's page was not full or lacked its recipients.");
                }

                if (i >= 0)
                {
                    sent.Add(watch.Elapsed.TotalMilliseconds);
                    sentCommands.Add(tally.Count);
                }
            }

            await using (var scope = services.CreateAsyncScope())
            {
                var mailbox = scope.ServiceProvider.GetRequiredService<ReadMailbox>();
                var watch = Stopwatch.StartNew();
                await mailbox.UnreadAsync(me.Id, ct);
                watch.Stop();
                if (i >= 0)
                {
                    badge.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        var subject = Invariant($"{_mailbox:N0}-message mailbox");
        _table.Add("open the inbox (first page + unread counts)", subject, open, Invariant($"{string.Join("/", openCommands)} SQL commands"));
        _table.Add("inbox, first page (25 lines)", subject, pages, "`ReadMailbox.PageAsync`");
        _table.Add("unread counts of every folder", subject, counts, "`ReadMailbox.CountsAsync`");
        _table.Add("inbox, next page (cursor)", subject, next, string.Empty);
        _table.Add("sent folder, first page", subject, sent, Invariant($"with the recipients' names, {string.Join("/", sentCommands)} SQL commands"));
        _table.Add("unread badge", subject, badge, "`ReadMailbox.UnreadAsync`");
    }

    /// <summary>
    /// Several teachers at once, each writing to their own class (draft, then send) as fast as the
    /// machine lets them for <paramref name="duration"/>: sends per second and their latency under contention.
    /// </summary>
    public async Task<string> ThroughputAsync(int senders, TimeSpan duration, CancellationToken ct)
    {
        var audiences = await AudiencesAsync(senders + 1, ct);
        var writers = new List<(ClassAudience Audience, UserContext Me, DraftContent Content)>();
        foreach (var audience in audiences.Skip(1))
        {
            writers.Add((audience, await ContextAsync(audience.Teacher, ct),
                new DraftContent([.. audience.Groups.Select(g => new RecipientRef(g, true))], [], [], "Devoirs", "<p>Pour lundi : exercices 3 et 4 page 52.</p>")));
        }

        foreach (var (audience, me, content) in writers)
        {
            var (_, _, id) = await DraftAsync(me, content, ct);
            await SendAsync(me, id, ct);
        }

        var sends = new List<double>();
        var total = new List<double>();
        long messages = 0, entries = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var deadline = watch.Elapsed + duration;
        await Task.WhenAll(writers.Select(w => Task.Run(async () =>
        {
            while (watch.Elapsed < deadline)
            {
                var (draftMs, _, id) = await DraftAsync(w.Me, w.Content, ct);
                var (sendMs, _, people) = await SendAsync(w.Me, id, ct);
                if (people != w.Audience.People)
                {
                    throw new InvalidOperationException($"A message to class {w.Audience.Name} reached {people} people, not {w.Audience.People}.");
                }

                lock (sends)
                {
                    sends.Add(sendMs);
                    total.Add(draftMs + sendMs);
                    messages++;
                    entries += people;
                }
            }
        }, ct)));
        watch.Stop();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var seconds = watch.Elapsed.TotalSeconds;
        _table.Add(Invariant($"send now, {writers.Count} teachers at once"), Invariant($"their classes: {writers.Min(w => w.Audience.People)}–{writers.Max(w => w.Audience.People)} people"), sends, "under contention");
        _table.Add(Invariant($"draft + send, {writers.Count} teachers at once"), "their classes", total, "under contention");
        return Invariant($"**Throughput**: {writers.Count} teachers, each writing to their own class (save the draft, then send now, one after the other, each in its own scope) for {seconds:0.0} s: **{messages:N0} messages sent, {messages / seconds:0.0} sends/s**, {entries:N0} inbox entries written ({entries / seconds:N0}/s), with their feed notifications; the bench process (the application's side, not the database's) spent {cpuMs / Math.Max(1, messages):0.0} ms of CPU per draft + send; load average {LoadAverage()} at the end.");
    }

    /// <summary>
    /// The plans of what opening the inbox runs, from the database itself: the commands the
    /// application sent, recorded with their parameters and explained as they are.
    /// </summary>
    public async Task<string> PlansAsync(CancellationToken ct)
    {
        var me = await ContextAsync(_holder, ct);
        CommandLog.Tally tally;
        await using (var scope = services.CreateAsyncScope())
        {
            var mailbox = scope.ServiceProvider.GetRequiredService<ReadMailbox>();
            tally = commands.Start(record: true);
            await mailbox.PageAsync(me, SystemFolders.Inbox, null, null, ct);
            await mailbox.CountsAsync(me.Id, ct);
            await mailbox.UnreadAsync(me.Id, ct);
        }

        string[] labels = ["inbox, first page", "unread counts per folder", "drafts and scheduled totals", "unread badge"];
        if (tally.Commands.Count != labels.Length)
        {
            throw new InvalidOperationException($"Opening the inbox ran {tally.Commands.Count} commands, not {labels.Length}: the plans below would be mislabelled.");
        }

        await using var planScope = services.CreateAsyncScope();
        var db = planScope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var postgres = db.Database.IsNpgsql();
        var text = new StringBuilder();
        for (var i = 0; i < labels.Length; i++)
        {
            var recorded = tally.Commands[i];
            var plan = await CommandLog.ExplainAsync(db, postgres ? "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) " : "EXPLAIN QUERY PLAN ", recorded, ct);
            text.AppendLine(Invariant($"{labels[i]}:"));
            text.AppendLine("```sql");
            text.AppendLine(recorded.Sql.Trim());
            text.AppendLine("```");
            text.AppendLine("```");
            text.AppendLine(plan.TrimEnd());
            text.AppendLine("```");
            if (i == 0)
            {
                var onIndex = plan.Contains("ix_msg_mailbox_folder", StringComparison.Ordinal);
                var limited = !postgres || plan.Contains("Limit", StringComparison.Ordinal);
                var sorted = plan.Contains(postgres ? "Sort" : "TEMP B-TREE", StringComparison.Ordinal);
                _checks.Add(onIndex && limited && !sorted
                    ? "The folder's page reads ix_msg_mailbox_folder as one range, newest first, stopped by the LIMIT (no sort)."
                    : "The folder's page does NOT read ix_msg_mailbox_folder as one range stopped by the LIMIT on this run.");
            }
            else if (i == 1)
            {
                var onIndex = plan.Contains("ix_msg_mailbox_unread", StringComparison.Ordinal);
                var indexOnly = postgres ? plan.Contains("Index Only Scan", StringComparison.Ordinal) : plan.Contains("COVERING INDEX", StringComparison.Ordinal) || onIndex;
                _checks.Add(onIndex && indexOnly
                    ? "The unread counts read only the partial index of unread entries, ix_msg_mailbox_unread (an index-only scan): the 20,000 read messages are not scanned."
                    : onIndex ? "The unread counts read ix_msg_mailbox_unread, visiting the rows too on this run."
                    : "The unread counts do NOT use ix_msg_mailbox_unread on this run.");
            }
        }

        return text.ToString();
    }

    /// <summary>The first <paramref name="count"/> classes of the big school, each with a teacher of its own (no teacher twice).</summary>
    private async Task<IReadOnlyList<ClassAudience>> AudiencesAsync(int count, CancellationToken ct)
    {
        var big = platform.Big;
        var chosen = new HashSet<Guid>();
        var list = new List<ClassAudience>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        foreach (var schoolClass in big.Classes)
        {
            var teacher = schoolClass.Teachers.FirstOrDefault(t => !big.Blocked.Contains(t) && !chosen.Contains(t));
            if (teacher == Guid.Empty)
            {
                continue;
            }

            chosen.Add(teacher);
            var groups = await db.Groups.Where(g => g.ClassId == schoolClass.Id && (g.Profile == Profile.Student || g.Profile == Profile.Relative)).Select(g => new { g.Id, g.Profile }).ToListAsync(ct);
            var members = await db.GroupMembers.Where(m => groups.Select(g => g.Id).Contains(m.GroupId) && m.UserId != teacher)
                .Join(db.Users.Where(u => u.State != AccountState.Blocked && u.DetachedAt == null), m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Profile })
                .Distinct().ToListAsync(ct);
            list.Add(new ClassAudience(schoolClass.Name, teacher, [.. groups.Select(g => g.Id)], members.Count,
                members.Count(m => m.Profile == Profile.Student), members.Count(m => m.Profile == Profile.Relative)));
            if (list.Count == count)
            {
                return list;
            }
        }

        throw new InvalidOperationException($"The big school has fewer than {count} classes with a teacher of their own.");
    }

    private async Task<Guid> FirstParentAsync(ClassAudience audience, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        return await db.GroupMembers.Where(m => audience.Groups.Contains(m.GroupId))
            .Join(db.Users.Where(u => u.Profile == Profile.Relative && u.State != AccountState.Blocked && u.DetachedAt == null), m => m.UserId, u => u.Id, (m, u) => u.Id)
            .FirstAsync(ct);
    }

    /// <summary>The person as a signed-in request has them: their account activated first (generated accounts wait for activation).</summary>
    private async Task<UserContext> ContextAsync(Guid user, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PreauDbContext>().Users.Where(u => u.Id == user && u.State == AccountState.PendingActivation)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.State, AccountState.Active), ct);
        return await scope.ServiceProvider.GetRequiredService<LoadUserContext>().LoadAsync(user, ct)
            ?? throw new InvalidOperationException("A generated person has no context.");
    }

    /// <summary>The machine's load average (1, 5, 15 minutes), where Linux tells it.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public string Table() => _table.Markdown();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
