using Npgsql;

namespace Preau.Bench.Homework;

/// <summary>
/// The usual way to load millions of rows: the tables' secondary indexes and foreign keys are
/// dropped before the COPY and made again after it, from their own definitions as the database
/// reports them (pg_indexes, pg_get_constraintdef), so they come back exactly as the migrations
/// made them; the primary keys stay. Building an index once is much faster than growing it row by
/// row, and a foreign key is then checked by one join instead of a trigger per row.
/// </summary>
internal static class BulkLoad
{
    public static async Task<IReadOnlyList<string>> DropSecondaryAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var restore = new List<string>();
        var drop = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT 'ALTER TABLE ' || quote_ident(c.conrelid::regclass::text) || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid),
                   'ALTER TABLE ' || quote_ident(c.conrelid::regclass::text) || ' DROP CONSTRAINT ' || quote_ident(c.conname)
            FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY (@tables)
            UNION ALL
            SELECT i.indexdef, 'DROP INDEX ' || quote_ident(i.indexname)
            FROM pg_indexes i
            WHERE i.schemaname = 'public' AND i.tablename = ANY (@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname AND k.contype IN ('p', 'u'))
            """, connection))
        {
            command.Parameters.AddWithValue("tables", tables.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                restore.Add(reader.GetString(0));
                drop.Add(reader.GetString(1));
            }
        }

        foreach (var sql in drop)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        // Indexes first, then the foreign keys (their checks use the primary keys).
        return [.. restore.OrderBy(sql => sql.StartsWith("ALTER", StringComparison.Ordinal) ? 1 : 0)];
    }

    public static async Task RestoreAsync(NpgsqlConnection connection, IReadOnlyList<string> restore, CancellationToken ct)
    {
        await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '512MB'", connection))
        {
            await memory.ExecuteNonQueryAsync(ct);
        }

        foreach (var sql in restore)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
