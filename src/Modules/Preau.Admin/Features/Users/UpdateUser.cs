using Preau.Admin.Audit;
using Preau.Admin.Authorization;
using Preau.Platform.Audit;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Users;

/// <summary>Corrects a person's names, email, phone, birth date or external id. The login stays.</summary>
public sealed class UpdateUser(PreauDbContext db, AdminAccess access, AuditLog audit, TimeProvider clock)
{
    public sealed record Request(string? FirstName, string? LastName, string? Email, string? Phone, DateOnly? BirthDate, string? ExternalId);

    public async Task<Outcome<Done>> HandleAsync(UserContext me, Guid userId, Request request, CancellationToken ct)
    {
        var user = await access.UserAsync(me, userId, ct);
        if (user is null)
        {
            return Outcome.NotFound<Done>();
        }

        var problems = new Problems();
        var today = DateOnly.FromDateTime(SchoolTime.ToParis(clock.GetUtcNow()).DateTime);
        var clean = await UserFields.CheckAsync(db, request.FirstName, request.LastName, request.Email, request.Phone, request.BirthDate, request.ExternalId, user.Id, today, problems, ct);
        if (problems.Any)
        {
            return Outcome.Invalid<Done>(problems.ToDictionary());
        }

        // The trail names the fields that changed, not their values: it is kept for months.
        var changed = new List<string>();
        void Set<T>(string field, T current, T next, Action<T> apply)
        {
            if (!EqualityComparer<T>.Default.Equals(current, next))
            {
                apply(next);
                changed.Add(field);
            }
        }

        Set("firstName", user.FirstName, clean.FirstName, v => user.FirstName = v);
        Set("lastName", user.LastName, clean.LastName, v => user.LastName = v);
        Set("email", user.Email, clean.Email, v => user.Email = v);
        Set("phone", user.Phone, clean.Phone, v => user.Phone = v);
        Set("birthDate", user.BirthDate, request.BirthDate, v => user.BirthDate = v);
        Set("externalId", user.ExternalId, clean.ExternalId, v => user.ExternalId = v);
        if (changed.Count == 0)
        {
            return new Done();
        }

        user.DisplayName = $"{user.FirstName} {user.LastName}";
        audit.Record(AuditActions.UserUpdate, user, await access.AuditStructureAsync(me, user.Id, ct), string.Join(", ", changed));
        await db.SaveChangesAsync(ct);
        return new Done();
    }
}
