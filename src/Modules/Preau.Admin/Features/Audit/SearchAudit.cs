using Microsoft.EntityFrameworkCore;
using Preau.Admin.Authorization;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Audit;

/// <summary>
/// The audit trail, newest first, filtered by school, person (as actor or target), action and
/// period (Paris dates, both ends included). A LocalAdmin reads the entries of their schools,
/// and the school-less entries about people of their schools (a password change…).
/// </summary>
public sealed class SearchAudit(PreauDbContext db)
{
    public const int PageSize = 50;

    public sealed record Query(Guid? StructureId = null, Guid? PersonId = null, string? Action = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

    public sealed record Entry(
        Guid Id, DateTimeOffset At, string Action, Guid? ActorId, string? ActorName, Guid? TargetUserId, string? TargetName,
        Guid? StructureId, string? StructureName, string? Details, string? IpAddress);

    public sealed record Result(IReadOnlyList<Entry> Entries, int Page, bool HasMore);

    public async Task<Result?> HandleAsync(UserContext me, Query query, CancellationToken ct)
    {
        if (!AdminScope.AdministersAnyStructure(me) || (query.StructureId is { } sid && !me.IsLocalAdminOf(sid)))
        {
            return null;
        }

        var entries = db.AuditEntries.AsNoTracking();
        var scope = AdminScope.Structures(me);
        if (scope is not null)
        {
            entries = entries.Where(a => (a.StructureId != null && scope.Contains(a.StructureId.Value))
                || (a.StructureId == null && a.TargetUserId != null && db.GroupMembers.Any(m => m.UserId == a.TargetUserId
                    && db.Groups.Any(g => g.Id == m.GroupId && scope.Contains(g.StructureId)))));
        }

        if (query.StructureId is { } structureId)
        {
            entries = entries.Where(a => a.StructureId == structureId);
        }

        if (query.PersonId is { } personId)
        {
            entries = entries.Where(a => a.TargetUserId == personId || a.ActorId == personId);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(a => a.Action == action);
        }

        if (query.From is { } from)
        {
            var start = Paris(from);
            entries = entries.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = Paris(to.AddDays(1));
            entries = entries.Where(a => a.At < end);
        }

        // One more than a page tells whether there is a next one, without counting a long trail.
        var page = Math.Max(1, query.Page);
        var rows = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new Entry(a.Id, a.At, a.Action, a.ActorId, a.ActorName, a.TargetUserId, a.TargetName, a.StructureId,
                db.Structures.Where(s => s.Id == a.StructureId).Select(s => s.Name).FirstOrDefault(), a.Details, a.IpAddress))
            .ToListAsync(ct);
        return new Result([.. rows.Take(PageSize)], page, rows.Count > PageSize);
    }

    private static DateTimeOffset Paris(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, SchoolTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
