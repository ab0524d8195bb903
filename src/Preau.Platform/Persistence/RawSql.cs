using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Preau.Platform.Persistence;

/// <summary>
/// Raw SQL on either provider, for the statements EF cannot say (INSERT … ON CONFLICT, SKIP LOCKED,
/// set-based selections): values as the columns store them, commands in the context's connection
/// and transaction.
/// </summary>
public static class RawSql
{
    /// <summary>An instant as a parameter: UTC ticks on SQLite (see UtcTicksConverter), a UTC timestamp on PostgreSQL.</summary>
    public static object Instant(PreauDbContext db, DateTimeOffset value) =>
        db.Database.IsNpgsql() ? value.ToUniversalTime() : value.UtcTicks;

    /// <summary>An id as a parameter: uuid on PostgreSQL, upper-case text on SQLite (as EF stores it).</summary>
    public static object Id(PreauDbContext db, Guid value) =>
        db.Database.IsNpgsql() ? value : value.ToString().ToUpperInvariant();

    /// <summary>Reads an instant column written by EF on either provider.</summary>
    public static DateTimeOffset ReadInstant(PreauDbContext db, DbDataReader reader, int ordinal) =>
        db.Database.IsNpgsql() ? reader.GetFieldValue<DateTimeOffset>(ordinal) : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static async Task<T?> ScalarAsync<T>(PreauDbContext db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
        where T : struct
    {
        await using var reader = await ReaderAsync(db, sql, parameters, ct);
        return await reader.Reader.ReadAsync(ct) ? reader.Reader.GetFieldValue<T>(0) : null;
    }

    /// <summary>Runs a query in the context's connection and transaction; dispose the result to close what it opened.</summary>
    public static async Task<OpenReader> ReaderAsync(PreauDbContext db, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        try
        {
            return new OpenReader(db, command, await command.ExecuteReaderAsync(ct), opened);
        }
        catch
        {
            await command.DisposeAsync();
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }

            throw;
        }
    }

    public sealed class OpenReader(PreauDbContext db, DbCommand command, DbDataReader reader, bool opened) : IAsyncDisposable
    {
        public DbDataReader Reader => reader;

        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            await command.DisposeAsync();
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
