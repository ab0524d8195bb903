using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Preau.Bench.Visibility;
using Preau.Homework.Features;
using Preau.Platform.Directory.Features;
using Preau.Platform.Persistence;

namespace Preau.Bench.Homework;

/// <summary>
/// What 'À faire' asks the database, from the database itself: the real <see cref="ToDo"/> use case
/// runs for the pupil and for the parent (all three children: the page loads every child's list to
/// show the switcher's counts), each command it sent is recorded with its parameters, and PostgreSQL
/// explains it (EXPLAIN ANALYZE, after the same run once, so warm). Markdown, for the report.
/// </summary>
internal sealed partial class Plans(IServiceProvider services, CommandLog commands)
{
    public async Task<string> ExplainAsync(Guid pupilId, Guid parentId, CancellationToken ct = default)
    {
        var text = new StringBuilder();
        foreach (var (who, id) in new[] { ("the pupil", pupilId), ("the parent of three", parentId) })
        {
            CommandLog.Tally tally;
            IReadOnlyList<ToDoList> lists;
            await using (var scope = services.CreateAsyncScope())
            {
                var me = await scope.ServiceProvider.GetRequiredService<LoadUserContext>().LoadAsync(id, ct)
                    ?? throw new InvalidOperationException($"No person {id}.");
                var todo = scope.ServiceProvider.GetRequiredService<ToDo>();
                tally = commands.Start(record: true);
                lists = me.Profile == Preau.Platform.Kernel.Profile.Student ? [await todo.ForPupilAsync(me, ct)] : await todo.ForChildrenAsync(me, ct);
            }

            text.AppendLine(Invariant($"### 'À faire' of {who}: {tally.Count} commands"));
            text.AppendLine();
            foreach (var list in lists)
            {
                text.AppendLine(Invariant($"- {list.FirstName}: {list.Count} homework in the window ({list.Overdue.Count} late, {list.Days.Count} days with homework, {list.Pending} to do), evening {list.EveningMinutes} min, week {list.WeekMinutes} min"));
            }

            text.AppendLine();
            await using var planScope = services.CreateAsyncScope();
            var db = planScope.ServiceProvider.GetRequiredService<PreauDbContext>();
            foreach (var recorded in tally.Commands)
            {
                var plan = await CommandLog.ExplainAsync(db, "EXPLAIN (ANALYZE, BUFFERS) ", recorded, ct);
                text.AppendLine("```sql");
                text.AppendLine(recorded.Sql.Trim());
                text.AppendLine("```");
                text.AppendLine(Invariant($"Parameters: {string.Join(", ", recorded.Parameters.Select(Describe))}"));
                text.AppendLine();
                text.AppendLine("```");
                text.AppendLine(Shorten(plan.TrimEnd()));
                text.AppendLine("```");
                text.AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>Lists of ids beyond three (the page's hundreds of homework ids) cut to their first three and their count.</summary>
    private static string Shorten(string plan) => LongArrays().Replace(plan, m =>
    {
        var items = m.Groups[1].Value.Split(',');
        return items.Length <= 3 ? m.Value : Invariant($"'{{{string.Join(',', items.Take(3))},… {items.Length} in all}}'");
    });

    [System.Text.RegularExpressions.GeneratedRegex(@"'\{([^}]*)\}'")]
    private static partial System.Text.RegularExpressions.Regex LongArrays();

    private static string Describe(System.Data.Common.DbParameter parameter) => parameter.Value switch
    {
        System.Collections.ICollection many => Invariant($"{parameter.ParameterName} = {many.Count} values"),
        var one => Invariant($"{parameter.ParameterName} = {one}"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
