using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Provisioning.Authorization;

/// <summary>Who provisions a structure: its LocalAdmins and the SuperAdmin. Anyone else finds nothing (404).</summary>
internal static class ProvisioningScope
{
    public static async Task<Structure?> StructureAsync(PreauDbContext db, UserContext user, Guid structureId, CancellationToken ct) =>
        user.IsLocalAdminOf(structureId)
            ? await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == structureId, ct)
            : null;
}
