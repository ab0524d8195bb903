using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Admin.Sheets.Pdf;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Hosting;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Sheets.Features;

/// <summary>
/// A member of staff gives someone a fresh start: the password goes, the account waits for
/// activation again with a new code (shown once, printable on one sheet), and every session of
/// the person ends. The LocalAdmin of one of the person's schools may do it for anyone there but a
/// SuperAdmin; the SuperAdmin for anyone; a teacher or the ClassAdmin of one of a pupil's classes
/// for that pupil only. Anyone else, and oneself: null, a 404.
/// </summary>
public sealed class ResetPassword(
    PreauDbContext db, ActivationCodes codes, Sessions sessions, AuditLog audit, SiteAddress site, IOptions<PreauOptions> options, TimeProvider clock)
{
    /// <summary>The person as the confirmation page shows them.</summary>
    public sealed record Target(Guid Id, string DisplayName, string Login, Profile Profile, AccountState State, bool Detached,
        Guid StructureId, string StructureName, string? ClassName, bool FirstDegree);

    public abstract record Result
    {
        public sealed record Done(Target Target, string Code, DateTimeOffset ExpiresAt) : Result;

        /// <summary>A blocked or detached account is not reopened by a reset: unblock or restore it first.</summary>
        public sealed record Unavailable(Target Target) : Result;
    }

    public async Task<Target?> FindAsync(UserContext me, Guid userId, CancellationToken ct)
    {
        if (userId == me.Id)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return null;
        }

        var memberships = await db.GroupMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile), m => m.GroupId, g => g.Id, (m, g) => new { g.StructureId, g.ClassId, g.Profile })
            .ToListAsync(ct);
        var isSuperAdmin = await db.FunctionGrants.AnyAsync(f => f.UserId == userId && f.Function == Function.SuperAdmin, ct);

        Guid? structureId = null;
        Guid? classId = null;
        if (me.IsSuperAdmin)
        {
            structureId = memberships.Select(m => (Guid?)m.StructureId).FirstOrDefault();
        }
        else if (!isSuperAdmin && memberships.FirstOrDefault(m => SheetScope.AdministersStructure(me, m.StructureId)) is { } administered)
        {
            structureId = administered.StructureId;
        }
        else if (user.Profile == Profile.Student
            && memberships.FirstOrDefault(m => m.Profile == Profile.Student && m.ClassId is { } c && SheetScope.TeachesOrManagesClass(me, c)) is { } taught)
        {
            structureId = taught.StructureId;
            classId = taught.ClassId;
        }
        else
        {
            return null;
        }

        classId ??= memberships.Where(m => m.Profile == Profile.Student && m.ClassId is not null && m.StructureId == structureId).Select(m => m.ClassId).FirstOrDefault();
        var structure = structureId is null ? null : await db.Structures.AsNoTracking().FirstOrDefaultAsync(s => s.Id == structureId, ct);
        var className = classId is null ? null : await db.Classes.AsNoTracking().Where(c => c.Id == classId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return new Target(user.Id, user.DisplayName, user.Login, user.Profile, user.State, user.DetachedAt is not null,
            structure?.Id ?? Guid.Empty, structure?.Name ?? options.Value.InstanceName, className,
            structure is not null && structure.Type.Degree() == Degree.First);
    }

    public async Task<Result?> HandleAsync(UserContext me, Guid userId, CancellationToken ct)
    {
        if (await FindAsync(me, userId, ct) is not { } target)
        {
            return null;
        }

        if (target.State == AccountState.Blocked || target.Detached)
        {
            return new Result.Unavailable(target);
        }

        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        user.PasswordHash = null;
        user.State = AccountState.PendingActivation;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        var code = codes.Issue(user);
        audit.Record("password.reset-by-admin", user, target.StructureId == Guid.Empty ? null : target.StructureId);
        await db.SaveChangesAsync(ct);

        await sessions.EndAllAsync(userId, keep: null, ct);

        return new Result.Done(target with { State = AccountState.PendingActivation }, code, user.ActivationCodeExpiresAt!.Value);
    }

    /// <summary>
    /// The one sheet of a reset, with the code the reset just gave (carried by the page in a
    /// protected ticket): printed only while that code is still the person's, so no new code is issued.
    /// </summary>
    public async Task<(byte[] Pdf, string FileName)?> SheetAsync(UserContext me, Guid userId, string code, CancellationToken ct)
    {
        if (await FindAsync(me, userId, ct) is not { } target)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        if (user.State != AccountState.PendingActivation || !codes.Matches(user, code))
        {
            return null;
        }

        var detail = target.ClassName is null ? SheetWording.Role(target.Profile) : $"{SheetWording.Role(target.Profile)} · {target.ClassName}";
        var kind = target.Profile switch
        {
            Profile.Student => SheetKind.Pupil,
            Profile.Relative => SheetKind.Parent,
            _ => SheetKind.Staff,
        };
        var sheet = new Sheet(target.DisplayName, kind, detail, target.FirstDegree,
            new SheetAccount(user.Login, ActivationCodes.Format(Normalized(code)), user.ActivationCodeExpiresAt), []);
        var pdf = ConnectionSheetPdf.Render(new SheetBatch(options.Value.InstanceName, target.StructureName, site.Get(), clock.GetUtcNow(), [sheet]));
        return (pdf, SheetWording.FileName(user.Login));
    }

    private static string Normalized(string code) => code.Replace("-", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
}
