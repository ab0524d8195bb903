using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Admin.Authorization;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Features.Users;

/// <summary>
/// Creates one account by hand in a school (and a class, or linked to a child for a parent).
/// The account waits for activation; its login and activation code are given back once, to be
/// handed over or printed.
/// </summary>
public sealed class CreateUser(PreauDbContext db, AdminAccess access, DirectoryWriter directory, ActivationCodes codes, AuditLog audit, TimeProvider clock)
{
    public sealed record Request(
        Guid StructureId, Profile Profile, string? FirstName, string? LastName,
        DateOnly? BirthDate = null, string? Email = null, string? Phone = null, Guid? ClassId = null, Guid? ChildId = null, string? ExternalId = null);

    public sealed record Created(Guid Id, string Login, string DisplayName, string ActivationCode, DateTimeOffset CodeExpiresAt);

    public async Task<Outcome<Created>> HandleAsync(UserContext me, Request request, CancellationToken ct)
    {
        var structure = await access.StructureAsync(me, request.StructureId, ct);
        if (structure is null)
        {
            return Outcome.NotFound<Created>();
        }

        var problems = new Problems();
        var fields = await UserFields.CheckAsync(db, request.FirstName, request.LastName, request.Email, request.Phone, request.BirthDate, request.ExternalId, null, DateOnly.FromDateTime(SchoolTime.ToParis(clock.GetUtcNow()).DateTime), problems, ct);
        if (!Enum.IsDefined(request.Profile) || request.Profile == Profile.Guest)
        {
            problems.Add(nameof(Request.Profile), "Error.Profile");
        }

        SchoolClass? schoolClass = null;
        if (request.ClassId is { } classId)
        {
            schoolClass = await db.Classes.FirstOrDefaultAsync(c => c.Id == classId && c.StructureId == structure.Id && c.ArchivedAt == null, ct);
            if (schoolClass is null || request.Profile == Profile.Relative)
            {
                problems.Add(nameof(Request.ClassId), "Error.Class");
            }
        }

        User? child = null;
        if (request.ChildId is { } childId)
        {
            child = await access.UserAsync(me, childId, ct);
            if (child is null || child.Profile != Profile.Student || request.Profile != Profile.Relative)
            {
                problems.Add(nameof(Request.ChildId), "Error.Child");
            }
        }

        if (problems.Any)
        {
            return Outcome.Invalid<Created>(problems.ToDictionary());
        }

        var user = await directory.CreateUserAsync(new NewUser(fields.FirstName, fields.LastName, request.Profile, fields.Email, fields.Phone, request.BirthDate), ct);
        user.ExternalId = fields.ExternalId;
        var code = codes.Issue(user);
        await directory.AddToStructureAsync(user, structure.Id, ct);
        if (schoolClass is not null)
        {
            await directory.AddToClassAsync(user, schoolClass.Id, ct);
        }

        if (child is not null)
        {
            db.Users.Attach(child);
            await directory.LinkChildAsync(user, child, ct);
        }

        audit.Record(AuditActions.UserCreate, user, structure.Id,
            string.Join(", ", new[] { request.Profile.ToString(), schoolClass?.Name, child is null ? null : "child " + child.Login }.Where(x => x is not null)));
        audit.Record("code.issue", user, structure.Id);
        await db.SaveChangesAsync(ct);
        return new Created(user.Id, user.Login, user.DisplayName, code, user.ActivationCodeExpiresAt!.Value);
    }
}
