using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Platform.Storage;

/// <summary>How full a person's storage is.</summary>
public sealed record StorageStatus(long UsedBytes, long QuotaBytes)
{
    /// <summary>Percent used, rounded down, at most 100.</summary>
    public int Percent => QuotaBytes <= 0 ? 100 : (int)Math.Min(100, UsedBytes * 100 / QuotaBytes);

    /// <summary>80 % used or more: time to tell the person.</summary>
    public bool IsNearlyFull => UsedBytes * 5 >= QuotaBytes * 4;

    public bool IsFull => UsedBytes >= QuotaBytes;

    public long FreeBytes => Math.Max(0, QuotaBytes - UsedBytes);
}

/// <summary>
/// Each person's storage quota (by profile, <c>Storage:Quota:&lt;Profile&gt;</c>) and what they use
/// of it (sto_usage). A reservation is one conditional statement, so concurrent uploads of one
/// person can never together pass the quota; reserve before storing, release on failure or
/// deletion.
/// </summary>
public sealed class StorageQuota(PreauDbContext db, IOptions<StorageOptions> options)
{
    public long QuotaOf(Profile profile) =>
        options.Value.Quota.TryGetValue(profile, out var size) ? ByteSizes.Parse(size) : 0;

    public long QuotaOf(UserContext user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return QuotaOf(user.Profile);
    }

    /// <summary>
    /// Adds <paramref name="bytes"/> to the person's usage if it stays within <paramref name="quotaBytes"/>;
    /// false, and nothing changed, otherwise.
    /// </summary>
    public async Task<bool> TryReserveAsync(Guid userId, long quotaBytes, long bytes, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes == 0)
        {
            return true;
        }

        // The row is created with the first reservation; on conflict the row is locked (PostgreSQL)
        // or the database is (SQLite) and the sum is checked against the latest usage.
        var user = RawSql.Id(db, userId);
        var changed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sto_usage (user_id, used_bytes) SELECT {user}, {bytes} WHERE {bytes} <= {quotaBytes}
            ON CONFLICT (user_id) DO UPDATE SET used_bytes = sto_usage.used_bytes + excluded.used_bytes
            WHERE sto_usage.used_bytes + excluded.used_bytes <= {quotaBytes}
            """, ct);
        return changed == 1;
    }

    /// <summary>Gives back <paramref name="bytes"/> (content deleted, or a reserved upload that failed); usage never goes below zero.</summary>
    public async Task ReleaseAsync(Guid userId, long bytes, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        await db.Set<StorageUsage>().Where(u => u.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.UsedBytes, u => u.UsedBytes > bytes ? u.UsedBytes - bytes : 0), ct);
    }

    /// <summary>The person's usage against their profile's quota (one query); null for an unknown person.</summary>
    public async Task<StorageStatus?> StatusAsync(Guid userId, CancellationToken ct = default)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Profile,
                Used = db.Set<StorageUsage>().Where(x => x.UserId == u.Id).Select(x => (long?)x.UsedBytes).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new StorageStatus(row.Used ?? 0, QuotaOf(row.Profile));
    }
}
