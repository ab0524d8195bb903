using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Bench.Visibility;
using Preau.Documents.Domain;
using Preau.Documents;
using Preau.Documents.Features.Browse;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Bench.Documents;

/// <summary>
/// A folder of thousands of documents read page by page through <c>GET /api/v1/documents</c>
/// (first, middle and last page, by name, date and size), the name search across the owner's
/// space, and the plans the database chose for the commands the real <see cref="ListFolder"/> sent.
/// The rows are written straight into the tables (as a long use of the space would leave them):
/// groups of equal sort names, equal dates and equal sizes, so that the order rests on the id too.
/// </summary>
public sealed class ListingMeasurements(IServiceProvider services, CommandLog commands, HttpClient client, Guid owner)
{
    public const string SearchWord = "sortie";
    private static readonly string[] Words = ["Fiche", "Évaluation", "Dictée", "Problèmes", "Lecture", "Géométrie", "Conjugaison", "Poésie", "Carte", "Photo"];
    private readonly LatencyTable _table = new();
    private readonly List<string> _checks = [];
    private readonly DateTimeOffset _start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private int _written;
    private int _matches;
    private readonly Dictionary<(string Sort, int Page), string> _cursors = [];

    public IReadOnlyList<string> Checks => _checks;

    public string Table() => _table.Markdown();

    /// <summary>
    /// Writes <paramref name="count"/> documents of the owner into <paramref name="folder"/>: names in
    /// pairs that fold to one sort name ("Dictée 012.pdf", "dictee 012.pdf"), 1 in 250 holding the
    /// searched word, dates in groups of 7 equal, sizes in groups of equal lengths.
    /// </summary>
    public async Task WriteAsync(Guid folder, int count, CancellationToken ct)
    {
        const int Batch = 2_000;
        for (var done = 0; done < count; done += Batch)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var pair = i / 2;
                var match = pair % 125 == 0;
                _matches += match ? 1 : 0;
                var shown = string.Create(CultureInfo.InvariantCulture, $"{Words[pair % Words.Length]}{(match ? " Sortie" : "")} {pair / Words.Length:D4}.pdf");
                var name = i % 2 == 0 ? shown : DocumentNames.SortKey(shown);
                var n = _written + i;
                db.Add(new DocDocument
                {
                    Id = Guid.CreateVersion7(_start.AddSeconds(n)),
                    OwnerId = owner,
                    FolderId = folder,
                    Name = name,
                    SortName = DocumentNames.SortKey(name),
                    ContentType = "application/pdf",
                    Length = 1_000L * (i % 300) + 1,
                    CurrentVersionId = Guid.NewGuid(),
                    VersionNumber = 1,
                    CreatedAt = _start,
                    UpdatedAt = _start.AddMinutes(i / 7),
                });
            }

            await db.SaveChangesAsync(ct);
        }

        _written += count;
        await AnalyzeAsync(ct);
    }

    /// <summary>First, middle and last page of the folder by name, date and size (ascending, and by name descending too).</summary>
    public async Task PagesAsync(Guid folder, int documents, int pageSize, int samples, CancellationToken ct)
    {
        await OrderIsStableAsync(folder, documents, pageSize, ct);
        var last = (documents + pageSize - 1) / pageSize;
        foreach (var (sort, order) in new[] { ("name", "asc"), ("date", "asc"), ("size", "asc"), ("name", "desc") })
        {
            foreach (var (label, page) in new[] { ("first", 1), ("middle", (last + 1) / 2), ("last", last) })
            {
                var expected = page == last ? documents - ((last - 1) * pageSize) : pageSize;
                var path = string.Create(CultureInfo.InvariantCulture, $"/api/v1/documents?folder={folder}&sort={sort}&order={order}&page={page}&size={pageSize}");
                var times = await TimeAsync(path, expected, samples, ct);
                _table.Add(string.Create(CultureInfo.InvariantCulture, $"{label} page ({page}), by {sort} {order}"),
                    string.Create(CultureInfo.InvariantCulture, $"folder of {documents:N0}"), times, string.Create(CultureInfo.InvariantCulture, $"{expected} documents a page"));
            }
        }

        foreach (var sort in new[] { "name", "date", "size" })
        {
            foreach (var (label, page) in new[] { ("middle", (last + 1) / 2), ("last", last) })
            {
                var expected = page == last ? documents - ((last - 1) * pageSize) : pageSize;
                var path = string.Create(CultureInfo.InvariantCulture, $"/api/v1/documents?folder={folder}&sort={sort}&size={pageSize}&after={Uri.EscapeDataString(_cursors[(sort, page)])}");
                _table.Add(string.Create(CultureInfo.InvariantCulture, $"{label} page ({page}) by cursor (after=), by {sort} asc"),
                    string.Create(CultureInfo.InvariantCulture, $"folder of {documents:N0}"), await TimeAsync(path, expected, samples, ct),
                    string.Create(CultureInfo.InvariantCulture, $"{expected} documents a page"));
            }
        }
    }

    /// <summary>The name search across the owner's whole space (every document written so far).</summary>
    public async Task<double> SearchAsync(int samples, CancellationToken ct)
    {
        var owned = _written;
        var expected = Math.Min(50, _matches);
        var times = await TimeAsync("/api/v1/documents?q=" + SearchWord + "&size=50", expected, samples, ct);
        return _table.Add($"name search \"{SearchWord}\"", string.Create(CultureInfo.InvariantCulture, $"space of {owned:N0}"), times,
            string.Create(CultureInfo.InvariantCulture, $"{_matches} matches, first {expected}")).P99;
    }

    /// <summary>The host's reference: <c>/health/live</c>, no I/O.</summary>
    public async Task ReferenceAsync(int samples, CancellationToken ct) =>
        _table.Add("reference: /health/live", "no I/O", await TimeAsync("/health/live", null, samples, ct), "the host's floor");

    private async Task<double[]> TimeAsync(string path, int? expected, int samples, CancellationToken ct)
    {
        var uri = new Uri(path, UriKind.Relative);
        for (var i = 0; i < Math.Max(5, samples / 10); i++)
        {
            await GetAsync(uri, expected, ct);
        }

        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await GetAsync(uri, expected, ct);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        return times;
    }

    private async Task GetAsync(Uri uri, int? expected, CancellationToken ct)
    {
        using var response = await client.GetAsync(uri, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {uri} answered {(int)response.StatusCode}: {text}");
        }

        if (expected is null)
        {
            return;
        }

        using var json = JsonDocument.Parse(text);
        var count = json.RootElement.GetProperty("documents").GetArrayLength();
        if (count != expected)
        {
            throw new InvalidOperationException($"GET {uri} gave {count} documents, not {expected}.");
        }
    }

    /// <summary>
    /// Every page read one after the other, each sort: by page number (ascending) and by cursor (both
    /// ways), each document exactly once, in the order asked. Keeps the cursors leading to each page.
    /// </summary>
    private async Task OrderIsStableAsync(Guid folder, int documents, int pageSize, CancellationToken ct)
    {
        foreach (var sort in new[] { "name", "date", "size" })
        {
            foreach (var (order, byCursor) in new[] { ("asc", false), ("asc", true), ("desc", true) })
            {
                var seen = new List<(string Key, Guid Id)>();
                string? next = null;
                for (var page = 1; ; page++)
                {
                    var path = byCursor && next is not null
                        ? $"/api/v1/documents?folder={folder}&sort={sort}&order={order}&size={pageSize}&after={Uri.EscapeDataString(next)}"
                        : string.Create(CultureInfo.InvariantCulture, $"/api/v1/documents?folder={folder}&sort={sort}&order={order}&page={page}&size={pageSize}");
                    using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative), ct));
                    foreach (var d in json.RootElement.GetProperty("documents").EnumerateArray())
                    {
                        var key = sort switch
                        {
                            "date" => d.GetProperty("updatedAt").GetDateTimeOffset().UtcTicks.ToString("D20", CultureInfo.InvariantCulture),
                            "size" => d.GetProperty("length").GetInt64().ToString("D20", CultureInfo.InvariantCulture),
                            _ => DocumentNames.SortKey(d.GetProperty("name").GetString()!),
                        };
                        seen.Add((key, d.GetProperty("id").GetGuid()));
                    }

                    if (!json.RootElement.GetProperty("hasMore").GetBoolean())
                    {
                        break;
                    }

                    next = json.RootElement.GetProperty("next").GetString();
                    if (byCursor && order == "asc")
                    {
                        _cursors[(sort, page + 1)] = next!;
                    }
                }

                var distinct = seen.Select(s => s.Id).Distinct().Count();
                var sign = order == "asc" ? 1 : -1;
                var ordered = seen.Zip(seen.Skip(1)).All(p => sign * string.CompareOrdinal(p.First.Key, p.Second.Key) <= 0);
                var how = byCursor ? "cursor after cursor" : "page after page";
                _checks.Add(distinct == documents && seen.Count == documents && ordered
                    ? string.Create(CultureInfo.InvariantCulture, $"Read {how} by {sort} {order}, the folder gives each of its {documents:N0} documents exactly once, in order.")
                    : string.Create(CultureInfo.InvariantCulture, $"Read {how} by {sort} {order}, the folder gave {seen.Count:N0} rows, {distinct:N0} distinct, {(ordered ? "in order" : "OUT OF ORDER")}: NOT each document once."));
            }
        }
    }

    /// <summary>The plans of the commands the real ListFolder sent for a last page by each sort and for the search.</summary>
    public async Task<string> PlansAsync(UserContext me, Guid folder, int documents, int pageSize, string subject, bool search, CancellationToken ct)
    {
        var last = (documents + pageSize - 1) / pageSize;
        var cases = search
            ? new[] { ($"name search \"{SearchWord}\", {subject}", DocumentSort.Name, (string?)SearchWord, 1, "", (string?)null) }
            : [
                ($"first page by name, {subject}", DocumentSort.Name, null, 1, "ix_doc_documents_by_name", null),
                ($"middle page ({(last + 1) / 2}) by cursor, by name, {subject}", DocumentSort.Name, null, (last + 1) / 2, "ix_doc_documents_by_name", _cursors[("name", (last + 1) / 2)]),
                ($"last page ({last}) by cursor, by name, {subject}", DocumentSort.Name, null, last, "ix_doc_documents_by_name", _cursors[("name", last)]),
                ($"last page ({last}) by cursor, by date, {subject}", DocumentSort.Date, null, last, "ix_doc_documents_by_date", _cursors[("date", last)]),
                ($"last page ({last}) by cursor, by size, {subject}", DocumentSort.Size, null, last, "ix_doc_documents_by_size", _cursors[("size", last)]),
                ($"last page ({last}) by number (offset), by name, {subject}", DocumentSort.Name, null, last, "ix_doc_documents_by_name", null),
            ];
        var text = new StringBuilder();
        foreach (var (label, sort, q, page, index, after) in cases)
        {
            CommandLog.Tally tally;
            await using (var scope = services.CreateAsyncScope())
            {
                var list = scope.ServiceProvider.GetRequiredService<ListFolder>();
                tally = commands.Start(record: true);
                _ = (after is null
                        ? await list.ListAsync(me, search ? DocFolder.Root : folder, sort, false, q, page, pageSize, ct)
                        : await list.ListAfterAsync(me, folder, sort, false, null, after, pageSize, ct))
                    ?? throw new InvalidOperationException("The bench folder is not listed.");
            }

            var recorded = tally.Commands.Last(c => c.Sql.Contains("doc_documents", StringComparison.Ordinal) && c.Sql.Contains("LIMIT", StringComparison.OrdinalIgnoreCase));
            await using var planScope = services.CreateAsyncScope();
            var db = planScope.ServiceProvider.GetRequiredService<PreauDbContext>();
            var postgres = db.Database.IsNpgsql();
            var plan = await CommandLog.ExplainAsync(db, postgres ? "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " : "EXPLAIN QUERY PLAN ", recorded, ct);
            text.AppendLine(label + ":");
            text.AppendLine("```sql");
            text.AppendLine(recorded.Sql.Trim());
            text.AppendLine("```");
            text.AppendLine("```");
            text.AppendLine(plan.TrimEnd());
            text.AppendLine("```");
            var sorted = plan.Contains(postgres ? "Sort Key" : "TEMP B-TREE", StringComparison.Ordinal);
            if (!search)
            {
                // A sort is fine when it is of the page alone: PostgreSQL may read the few rows past a
                // cursor near the end as a bitmap of the index range and sort those, not the folder.
                var read = IndexRowsRead(plan, index);
                _checks.Add(plan.Contains(index, StringComparison.Ordinal) && (!sorted || (postgres && read is { } rows && rows <= 2 * pageSize + 2))
                    ? $"The {label} reads {index} as one range (no sort of the folder)."
                    : $"The {label} does NOT read {index} as one range on this run.");
            }
            else
            {
                _checks.Add(sorted ? $"The {label} sorts the matches (they come from the whole space, in any folder)." : $"The {label} reads the matches in order (no sort).");
            }
        }

        return text.ToString();
    }

    /// <summary>The rows a PostgreSQL plan read from the index (its scan node's actual rows), when it says.</summary>
    private static int? IndexRowsRead(string plan, string index)
    {
        var match = System.Text.RegularExpressions.Regex.Match(plan, $@"Index (?:Only )?Scan (?:Backward )?(?:using|on) {index}[^\n]*?rows=(\d+)");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private async Task AnalyzeAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "ANALYZE doc_documents" : "ANALYZE", ct);
    }

}
