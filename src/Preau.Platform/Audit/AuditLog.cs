using Microsoft.AspNetCore.Http;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Platform.Audit;

/// <summary>
/// Adds audit entries to the current unit of work: they are saved with the change they record by
/// the caller's SaveChanges, or not at all. The actor and their address come from the request.
/// </summary>
public sealed class AuditLog(PreauDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public AuditEntry Record(string action, User? target = null, Guid? structureId = null, string? details = null) =>
        Record(action, target?.Id, target?.DisplayName, structureId, details);

    public AuditEntry Record(string action, Guid? targetUserId, string? targetName, Guid? structureId, string? details)
    {
        var context = http.HttpContext;
        var principal = context?.User;
        var now = clock.GetUtcNow();
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            ActorId = principal?.GetUserId(),
            ActorName = principal?.Identity?.IsAuthenticated == true ? Truncate(principal.Identity.Name, 200) : null,
            Action = action,
            TargetUserId = targetUserId,
            TargetName = Truncate(targetName, 200),
            StructureId = structureId,
            Details = Truncate(details, 2000),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(context?.Request.Headers.UserAgent.ToString(), 400),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static string? Truncate(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
