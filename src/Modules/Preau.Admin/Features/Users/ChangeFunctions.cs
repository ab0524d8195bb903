using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Admin.Authorization;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Users;

/// <summary>
/// Grants or revokes LocalAdmin (on a school: the SuperAdmin anywhere, a LocalAdmin on their own
/// school) and ClassAdmin (on a class of a school one administers) to a teacher or staff member
/// of that school. Nobody revokes their own LocalAdmin, so that a school is never left by mistake.
/// </summary>
public sealed class ChangeFunctions(PreauDbContext db, AdminAccess access, DirectoryWriter directory, AuditLog audit)
{
    public sealed record Request(Function Function, Guid? StructureId, Guid? ClassId);

    public async Task<Outcome<Done>> GrantAsync(UserContext me, Guid userId, Request request, CancellationToken ct)
    {
        var user = await access.UserAsync(me, userId, ct);
        if (user is null)
        {
            return Outcome.NotFound<Done>();
        }

        var (structureId, classId, error) = await ScopeAsync(me, request, ct);
        if (error == NotInScope)
        {
            return Outcome.NotFound<Done>();
        }

        if (error is not null)
        {
            return Outcome.Invalid<Done>(error.Value.Field, error.Value.Key);
        }

        if (user.Profile is not (Profile.Teacher or Profile.Personnel) || !(await access.StructuresOfAsync(user.Id, ct)).Contains(structureId))
        {
            return Outcome.Invalid<Done>("Function", "Error.FunctionProfile");
        }

        if (await db.FunctionGrants.AnyAsync(f => f.UserId == user.Id && f.Function == request.Function && f.StructureId == (classId == null ? structureId : null) && f.ClassId == classId, ct))
        {
            return new Done();
        }

        directory.Grant(user, request.Function, classId is null ? structureId : null, classId);
        audit.Record(AuditActions.UserGrant, user, structureId, await DescribeAsync(request.Function, structureId, classId, ct));
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    public async Task<Outcome<Done>> RevokeAsync(UserContext me, Guid userId, Request request, CancellationToken ct)
    {
        var user = await access.UserAsync(me, userId, ct);
        if (user is null)
        {
            return Outcome.NotFound<Done>();
        }

        var (structureId, classId, error) = await ScopeAsync(me, request, ct);
        if (error == NotInScope)
        {
            return Outcome.NotFound<Done>();
        }

        if (error is not null)
        {
            return Outcome.Invalid<Done>(error.Value.Field, error.Value.Key);
        }

        if (user.Id == me.Id && request.Function == Function.LocalAdmin)
        {
            return Outcome.Invalid<Done>("Function", "Error.NotYourself");
        }

        if (!await directory.RevokeAsync(user, request.Function, classId is null ? structureId : null, classId, ct))
        {
            return Outcome.NotFound<Done>();
        }

        audit.Record(AuditActions.UserRevoke, user, structureId, await DescribeAsync(request.Function, structureId, classId, ct));
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    /// <summary>Marks a school or class that does not exist or is not the administrator's: a 404.</summary>
    private static readonly (string Field, string Key) NotInScope = ("", "");

    /// <summary>The school the grant is about, and the class for a ClassAdmin; an error when out of reach.</summary>
    private async Task<(Guid StructureId, Guid? ClassId, (string Field, string Key)? Error)> ScopeAsync(UserContext me, Request request, CancellationToken ct)
    {
        switch (request.Function)
        {
            case Function.LocalAdmin when request.StructureId is { } sid:
                return me.IsLocalAdminOf(sid) && await db.Structures.AnyAsync(s => s.Id == sid, ct) ? (sid, null, null) : (Guid.Empty, null, NotInScope);
            case Function.LocalAdmin:
                return (Guid.Empty, null, ("StructureId", "Error.Structure"));
            case Function.ClassAdmin when request.ClassId is { } cid:
                return await access.ClassAsync(me, cid, ct) switch
                {
                    null => (Guid.Empty, null, NotInScope),
                    { ArchivedAt: not null } => (Guid.Empty, null, ("ClassId", "Error.Archived")),
                    var c => (c.StructureId, c.Id, null),
                };
            case Function.ClassAdmin:
                return (Guid.Empty, null, ("ClassId", "Error.Class"));
            default:
                return (Guid.Empty, null, ("Function", "Error.Function"));
        }
    }

    private async Task<string> DescribeAsync(Function function, Guid structureId, Guid? classId, CancellationToken ct) =>
        classId is null
            ? $"{function} {await db.Structures.Where(s => s.Id == structureId).Select(s => s.Name).FirstAsync(ct)}"
            : $"{function} {await db.Classes.Where(c => c.Id == classId).Select(c => c.Name).FirstAsync(ct)}";
}
