using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;

namespace Preau.Bench.Visibility;

/// <summary>
/// Writes the rows a context holds as added, without EF Core's save: batched prepared inserts in
/// one transaction on SQLite, binary COPY on PostgreSQL. Tables, columns (shadow ones included)
/// and value conversions come from the model and its type mappings, so rows land exactly as a save
/// would store them. An added entity of a type it was not told about is an error: the directory
/// writer started writing something the benchmark does not know.
/// </summary>
public sealed class BulkWriter : IAsyncDisposable
{
    // Parents before children, for the foreign keys.
    private static readonly Type[] DirectoryOrder =
        [typeof(Structure), typeof(SchoolClass), typeof(User), typeof(Group), typeof(GroupLink), typeof(StructureReachRules), typeof(GroupMember), typeof(ParentLink)];

    private readonly Type[] _order;
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly Dictionary<Type, Table> _tables;
    private readonly Dictionary<Type, DbCommand> _inserts = [];

    private BulkWriter(Type[] order, DbConnection connection, DbTransaction? transaction, Dictionary<Type, Table> tables)
    {
        _order = order;
        _connection = connection;
        _transaction = transaction;
        _tables = tables;
    }

    /// <summary>Rows written, by table name.</summary>
    public Dictionary<string, int> Rows { get; } = new(StringComparer.Ordinal);

    public static Task<BulkWriter> OpenAsync(DbContext db, CancellationToken ct = default) => OpenAsync(db, DirectoryOrder, ct);

    /// <summary>A writer for other entity types than the directory's, written in the order given (parents first).</summary>
    public static async Task<BulkWriter> OpenAsync(DbContext db, IReadOnlyList<Type> types, CancellationToken ct = default)
    {
        var order = types.ToArray();
        var tables = order.Select(t => db.Model.FindEntityType(t) ?? throw new InvalidOperationException($"{t.Name} is not in the model."))
            .ToDictionary(t => t.ClrType, Table.Of);
        var connectionString = db.Database.GetConnectionString();
        if (db.Database.IsNpgsql())
        {
            var pg = new NpgsqlConnection(connectionString);
            await pg.OpenAsync(ct);
            return new BulkWriter(order, pg, null, tables);
        }

        var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync(ct);
        return new BulkWriter(order, sqlite, await sqlite.BeginTransactionAsync(ct), tables);
    }

    /// <summary>Writes every entity <paramref name="staging"/> tracks as added, then forgets them.</summary>
    public async Task WriteAsync(DbContext staging, CancellationToken ct = default)
    {
        var added = staging.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
        var unknown = added.Select(e => e.Metadata.ClrType).Where(t => !_tables.ContainsKey(t)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"Rows were added that the benchmark does not write: {string.Join(", ", unknown.Select(t => t.Name))}.");
        }

        var byType = added.ToLookup(e => e.Metadata.ClrType);
        foreach (var type in _order)
        {
            var table = _tables[type];
            var rows = byType[type].Select(e => table.Properties.Select(p => table.ToProvider(p, e.Property(p.Name).CurrentValue)).ToArray()).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            if (_connection is NpgsqlConnection pg)
            {
                await CopyAsync(pg, table, rows, ct);
            }
            else
            {
                await InsertAsync(type, table, rows, ct);
            }

            Rows[table.Name] = Rows.GetValueOrDefault(table.Name) + rows.Count;
        }

        staging.ChangeTracker.Clear();
    }

    /// <summary>Commits (SQLite) and refreshes the planner's statistics, as after a real import.</summary>
    public async Task CompleteAsync(CancellationToken ct = default)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(ct);
        }

        await using var analyze = _connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var insert in _inserts.Values)
        {
            await insert.DisposeAsync();
        }

        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    private async Task InsertAsync(Type type, Table table, List<object?[]> rows, CancellationToken ct)
    {
        if (!_inserts.TryGetValue(type, out var insert))
        {
            insert = _connection.CreateCommand();
            insert.Transaction = _transaction;
            insert.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(Quote))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < table.Properties.Length; i++)
            {
                // The mapping configures the parameter as EF Core's own commands do (a GUID as upper-case text on SQLite…).
                insert.Parameters.Add(table.Mappings[i].CreateParameter(insert, "$p" + i, null, nullable: true));
            }

            await insert.PrepareAsync(ct);
            _inserts[type] = insert;
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                insert.Parameters[i].Value = row[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Table table, List<object?[]> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var value in row)
            {
                var write = value switch
                {
                    null => copy.WriteNullAsync(ct),
                    Guid v => copy.WriteAsync(v, NpgsqlDbType.Uuid, ct),
                    string v => copy.WriteAsync(v, NpgsqlDbType.Text, ct),
                    int v => copy.WriteAsync(v, NpgsqlDbType.Integer, ct),
                    long v => copy.WriteAsync(v, NpgsqlDbType.Bigint, ct),
                    short v => copy.WriteAsync(v, NpgsqlDbType.Smallint, ct),
                    bool v => copy.WriteAsync(v, NpgsqlDbType.Boolean, ct),
                    DateTimeOffset v => copy.WriteAsync(v.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct),
                    DateTime v => copy.WriteAsync(v, v.Kind == DateTimeKind.Utc ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Timestamp, ct),
                    DateOnly v => copy.WriteAsync(v, NpgsqlDbType.Date, ct),
                    _ => throw new InvalidOperationException($"No COPY type for {value.GetType().Name} in {table.Name}."),
                };
                await write;
            }
        }

        await copy.CompleteAsync(ct);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Table(string Name, IProperty[] Properties, string[] Columns, RelationalTypeMapping[] Mappings)
    {
        public static Table Of(IEntityType type)
        {
            var name = type.GetTableName()!;
            var store = StoreObjectIdentifier.Table(name, type.GetSchema());
            var properties = type.GetProperties().ToArray();
            return new Table(name, properties, properties.Select(p => p.GetColumnName(store)!).ToArray(),
                properties.Select(p => p.GetRelationalTypeMapping()).ToArray());
        }

        public object? ToProvider(IProperty property, object? value)
        {
            if (value is null)
            {
                return null;
            }

            var converter = Mappings[Array.IndexOf(Properties, property)].Converter;
            return converter is null ? value : converter.ConvertToProvider(value);
        }
    }
}
