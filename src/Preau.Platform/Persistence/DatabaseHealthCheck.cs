using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Preau.Platform.Persistence;

/// <summary>
/// Ready when the database answers a query on a real table: reachable, and migrated. (Opening a
/// connection alone would pass on an empty SQLite file that SQLite just created.)
/// </summary>
internal sealed class DatabaseHealthCheck(PreauDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Structures.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            // Any failure — refused connection, missing table, timeout — means not ready.
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
