using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Preau.Platform.Persistence;

/// <summary>
/// Pieces of raw SQL for set-based writes that EF Core cannot express, the same on SQLite and
/// PostgreSQL: a list of ids known in the application as one parameter that a statement reads as
/// rows (<c>INSERT … SELECT … FROM {rows}</c>: one statement whatever the number of ids, where
/// EF Core's SQLite provider sends one INSERT per tracked row), an id as a literal, an insert that
/// skips rows already there, and plain parameters. Values are written as EF Core stores them:
/// on SQLite an id is its upper-case text and a flag 0 or 1.
/// </summary>
public static class SetSql
{
    /// <summary>
    /// The ids as a table expression with one column <c>id</c>, named <paramref name="alias"/>, and
    /// the one parameter it reads.
    /// </summary>
    public static (string From, DbParameter Parameter) Ids(PreauDbContext db, string alias, IReadOnlyCollection<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (db.Database.IsNpgsql())
        {
            return ($"unnest(@{alias}_ids) AS {alias}(id)", Parameter(db, alias + "_ids", ids.ToArray()));
        }

        var json = new StringBuilder("[");
        foreach (var id in ids)
        {
            json.Append(json.Length == 1 ? "\"" : ",\"").Append(Text(id)).Append('"');
        }

        return ($"(SELECT value AS id FROM json_each(@{alias}_ids)) AS {alias}", Parameter(db, alias + "_ids", json.Append(']').ToString()));
    }

    /// <summary>
    /// The ids with a flag each as a table expression with columns <c>id</c> and <c>flag</c>
    /// (a boolean), named <paramref name="alias"/>, and the parameters it reads.
    /// </summary>
    public static (string From, DbParameter[] Parameters) IdsWithFlags(PreauDbContext db, string alias, IReadOnlyCollection<(Guid Id, bool Flag)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (db.Database.IsNpgsql())
        {
            return ($"unnest(@{alias}_ids, @{alias}_flags) AS {alias}(id, flag)",
                [Parameter(db, alias + "_ids", rows.Select(r => r.Id).ToArray()), Parameter(db, alias + "_flags", rows.Select(r => r.Flag).ToArray())]);
        }

        var json = new StringBuilder("[");
        foreach (var (id, flag) in rows)
        {
            json.Append(json.Length == 1 ? "[\"" : ",[\"").Append(Text(id)).Append(flag ? "\",1]" : "\",0]");
        }

        return ($"(SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS flag FROM json_each(@{alias}_rows)) AS {alias}",
            [Parameter(db, alias + "_rows", json.Append(']').ToString())]);
    }

    /// <summary>An id as an SQL literal of the provider (hexadecimal digits and dashes only: nothing to escape).</summary>
    public static string Literal(PreauDbContext db, Guid id) =>
        db.Database.IsNpgsql() ? $"'{id:D}'::uuid" : $"'{Text(id)}'";

    /// <summary>A flag as an SQL literal of the provider.</summary>
    public static string Literal(PreauDbContext db, bool flag) =>
        db.Database.IsNpgsql() ? (flag ? "TRUE" : "FALSE") : (flag ? "1" : "0");

    /// <summary>"INSERT" that skips rows already there, with <see cref="OnConflict"/> at the end, per provider.</summary>
    public static string Insert(PreauDbContext db) => db.Database.IsNpgsql() ? "INSERT" : "INSERT OR IGNORE";

    public static string OnConflict(PreauDbContext db) => db.Database.IsNpgsql() ? "ON CONFLICT DO NOTHING" : string.Empty;

    /// <summary>A named parameter for raw SQL on the context's provider.</summary>
    public static DbParameter Parameter(PreauDbContext db, string name, object value)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        return parameter;
    }

    private static string Text(Guid id) => id.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();
}
