using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Preau.Platform.Persistence;

namespace Preau.Bench.Visibility;

/// <summary>
/// Counts the SQL commands a measured call sends and, when asked, keeps them with their
/// parameters, to EXPLAIN exactly what the application ran.
/// </summary>
public sealed class CommandLog : DbCommandInterceptor
{
    private readonly AsyncLocal<Tally?> _tally = new();

    public sealed record Recorded(string Sql, IReadOnlyList<DbParameter> Parameters);

    /// <summary>The commands of the current flow (each sample counts its own, even when senders run side by side).</summary>
    public sealed class Tally(bool record)
    {
        private int _count;

        public int Count => _count;
        public List<Recorded> Commands { get; } = [];

        internal void Add(DbCommand command)
        {
            Interlocked.Increment(ref _count);
            if (record)
            {
                lock (Commands)
                {
                    Commands.Add(new Recorded(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(Copy)]));
                }
            }
        }
    }

    /// <summary>The database's plan of a recorded command, run again with its own parameters after <paramref name="explain"/> (EXPLAIN …).</summary>
    public static async Task<string> ExplainAsync(PreauDbContext db, string explain, Recorded recorded, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = explain + recorded.Sql;
            foreach (var parameter in recorded.Parameters)
            {
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            var lines = new StringBuilder();
            while (await reader.ReadAsync(ct))
            {
                lines.AppendLine(reader.GetValue(reader.FieldCount - 1).ToString());
            }

            return lines.ToString();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Starts counting the commands of this flow (async-local: concurrent flows count apart).</summary>
    public Tally Start(bool record = false) => _tally.Value = new Tally(record);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _tally.Value?.Add(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _tally.Value?.Add(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _tally.Value?.Add(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private static DbParameter Copy(DbParameter p) => p switch
    {
        NpgsqlParameter n => n.Clone(),
        SqliteParameter s => new SqliteParameter(s.ParameterName, s.Value) { SqliteType = s.SqliteType, Size = s.Size },
        _ => throw new InvalidOperationException($"No copy for {p.GetType().Name}."),
    };
}
