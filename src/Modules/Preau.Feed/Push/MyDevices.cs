using Microsoft.EntityFrameworkCore;
using Preau.Platform.Persistence;

namespace Preau.Feed.Push;

/// <summary>The caller's devices with push enabled, and removing one (by id from the page, by endpoint from the browser).</summary>
public sealed class MyDevices(PreauDbContext db)
{
    public async Task<IReadOnlyList<PushDeviceView>> ListAsync(Guid userId, CancellationToken ct = default) =>
        await db.Set<PushDevice>().AsNoTracking().Where(d => d.UserId == userId)
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new PushDeviceView(d.Id, d.Label, d.CreatedAt, d.LastSuccessAt, d.Endpoint))
            .ToListAsync(ct);

    /// <summary>Only the caller's own device is removed; someone else's answers false, as an unknown one.</summary>
    public async Task<bool> RemoveAsync(Guid userId, Guid deviceId, CancellationToken ct = default) =>
        await db.Set<PushDevice>().Where(d => d.Id == deviceId && d.UserId == userId).ExecuteDeleteAsync(ct) > 0;

    public async Task<bool> RemoveAsync(Guid userId, string endpoint, CancellationToken ct = default) =>
        await db.Set<PushDevice>().Where(d => d.Endpoint == endpoint && d.UserId == userId).ExecuteDeleteAsync(ct) > 0;
}
