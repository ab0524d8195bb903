using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Provisioning.Authorization;
using Preau.Provisioning.Domain;

namespace Preau.Provisioning.Features;

/// <summary>The people detached from a structure, with the date they will be deleted unless restored.</summary>
public sealed class ListDetached(PreauDbContext db, IOptions<ProvisioningOptions> options)
{
    public sealed record Person(Guid Id, string DisplayName, string Login, Profile Profile, DateTimeOffset DetachedAt, DateTimeOffset DeletedAfter);

    public sealed record Result(Guid StructureId, string StructureName, IReadOnlyList<Person> People, TimeSpan GracePeriod);

    public async Task<Result?> HandleAsync(UserContext user, Guid structureId, CancellationToken ct)
    {
        var structure = await ProvisioningScope.StructureAsync(db, user, structureId, ct);
        if (structure is null)
        {
            return null;
        }

        var grace = options.Value.GracePeriod;
        var people = await db.Set<Detachment>().AsNoTracking().Where(d => d.StructureId == structureId)
            .Join(db.Users, d => d.UserId, u => u.Id, (d, u) => new { u.Id, u.DisplayName, u.Login, u.Profile, d.DetachedAt, u.LastName, u.FirstName })
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Take(2000)
            .ToListAsync(ct);
        return new Result(structure.Id, structure.Name,
            [.. people.Select(p => new Person(p.Id, p.DisplayName, p.Login, p.Profile, p.DetachedAt, p.DetachedAt + grace))], grace);
    }
}

/// <summary>Brings a detached person back into the structure's groups they were in, during the grace period.</summary>
public sealed class RestorePerson(PreauDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<bool> HandleAsync(UserContext user, Guid structureId, Guid userId, CancellationToken ct)
    {
        if (await ProvisioningScope.StructureAsync(db, user, structureId, ct) is null)
        {
            return false;
        }

        var detachment = await db.Set<Detachment>().FirstOrDefaultAsync(d => d.StructureId == structureId && d.UserId == userId, ct);
        var person = detachment is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (detachment is null || person is null)
        {
            return false;
        }

        var groupIds = detachment.GroupIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var existing = await db.Groups.Where(g => groupIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(ct);
        var already = await db.GroupMembers.Where(m => m.UserId == userId && existing.Contains(m.GroupId)).Select(m => m.GroupId).ToListAsync(ct);
        foreach (var groupId in existing.Except(already))
        {
            db.GroupMembers.Add(new GroupMember { UserId = userId, GroupId = groupId, JoinedAt = clock.GetUtcNow() });
        }

        person.DetachedAt = null;
        db.Remove(detachment);
        audit.Record("user.restore", person, structureId);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>
/// The end of the grace period: a person detached longer ago than <see cref="ProvisioningOptions.GracePeriod"/>
/// who belongs to no other structure is deleted for good (their memberships, links and sessions
/// go with them); one still at another school only loses the record that could restore them here.
/// </summary>
public sealed class PurgeDetached(PreauDbContext db, TimeProvider clock, IOptions<ProvisioningOptions> options)
{
    public sealed record Result(int Deleted, int Forgotten);

    public async Task<Result> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = now - options.Value.GracePeriod;
        var due = await db.Set<Detachment>().AsNoTracking().Where(d => d.DetachedAt <= before).OrderBy(d => d.DetachedAt).Take(1000).ToListAsync(ct);
        if (due.Count == 0)
        {
            return new Result(0, 0);
        }

        var deleted = 0;
        foreach (var detachment in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Claim the detachment: when two nodes purge at once, only the one that deletes it goes on.
            var claimed = await db.Set<Detachment>()
                .Where(d => d.UserId == detachment.UserId && d.StructureId == detachment.StructureId && d.DetachedAt <= before)
                .ExecuteDeleteAsync(ct);
            if (claimed == 0)
            {
                continue;
            }

            var person = await db.Users.AsNoTracking()
                .Where(u => u.Id == detachment.UserId && u.DetachedAt != null && u.DetachedAt <= before
                    && !db.GroupMembers.Any(m => m.UserId == u.Id)
                    && !db.FunctionGrants.Any(f => f.UserId == u.Id)
                    && !db.Set<Detachment>().Any(d => d.UserId == u.Id))
                .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
            if (person is not null)
            {
                // Memberships, parent links and sessions cascade with the account.
                await db.Users.Where(u => u.Id == person.Id).ExecuteDeleteAsync(ct);
                db.AuditEntries.Add(Planning.Actor.Platform.Entry(now, "user.delete", person.Id, person.DisplayName, detachment.StructureId,
                    "grace period over after detachment by an import"));
                await db.SaveChangesAsync(ct);
                deleted++;
            }

            await transaction.CommitAsync(ct);
        }

        return new Result(deleted, due.Count - deleted);
    }
}
