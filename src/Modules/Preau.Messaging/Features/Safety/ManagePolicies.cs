using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.Platform.Audit;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Safety;

/// <summary>
/// A school's sending rules, per profile, for its ADMLs (and the SuperAdmin): sending on or off,
/// quiet hours in Europe/Paris (spanning midnight allowed). A profile without a stored rule is
/// open all day. Each save is audited with what changed, in words; the incident switch turns
/// sending off at once for the pupils and their parents. NotFound outside the caller's scope.
/// </summary>
public sealed class ManagePolicies(PreauDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string AuditAction = "messaging.policy-update";

    /// <summary>The profiles a school sets rules for, in the order the page lists them.</summary>
    public static readonly IReadOnlyList<Profile> Profiles =
        [Profile.Student, Profile.Relative, Profile.Teacher, Profile.Personnel, Profile.Periscolaire, Profile.Guest];

    public sealed record ProfilePolicy(Profile Profile, bool SendingEnabled, TimeOnly? QuietFrom, TimeOnly? QuietTo, DateTimeOffset? UpdatedAt)
    {
        public bool HasQuietHours => QuietFrom is not null && QuietTo is not null;
    }

    public sealed record Policies(Guid StructureId, string StructureName, IReadOnlyList<ProfilePolicy> Items);

    /// <summary>One profile's rule as the administrator sets it.</summary>
    public sealed record PolicyInput(Profile Profile, bool SendingEnabled, TimeOnly? QuietFrom, TimeOnly? QuietTo);

    public async Task<Outcome<Policies>> ViewAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var name = me.IsLocalAdminOf(structureId)
            ? await db.Structures.AsNoTracking().Where(s => s.Id == structureId).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : null;
        if (name is null)
        {
            return Outcome.NotFound<Policies>();
        }

        var stored = await db.Set<MessagingPolicy>().AsNoTracking().Where(p => p.StructureId == structureId).ToDictionaryAsync(p => p.Profile, ct);
        return new Policies(structureId, name, [.. Profiles.Select(profile => stored.TryGetValue(profile, out var p)
            ? new ProfilePolicy(profile, p.SendingEnabled, p.QuietFrom, p.QuietTo, p.UpdatedAt)
            : new ProfilePolicy(profile, true, null, null, null))]);
    }

    /// <summary>Saves the rules given (profiles not given stay as they are); the audit says what changed.</summary>
    public async Task<Outcome<Policies>> SaveAsync(UserContext me, Guid structureId, IReadOnlyList<PolicyInput> inputs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var current = await ViewAsync(me, structureId, ct);
        if (!current.Found)
        {
            return current;
        }

        foreach (var input in inputs)
        {
            if (!Profiles.Contains(input.Profile) || inputs.Count(i => i.Profile == input.Profile) > 1)
            {
                return Outcome.Invalid<Policies>(input.Profile.ToString(), "Safety.Error.Profile");
            }

            if ((input.QuietFrom is null) != (input.QuietTo is null))
            {
                return Outcome.Invalid<Policies>(input.Profile.ToString(), "Safety.Error.QuietBoth");
            }

            if (input.QuietFrom is { } from && from == input.QuietTo)
            {
                return Outcome.Invalid<Policies>(input.Profile.ToString(), "Safety.Error.QuietSame");
            }
        }

        var now = clock.GetUtcNow();
        var stored = await db.Set<MessagingPolicy>().Where(p => p.StructureId == structureId).ToDictionaryAsync(p => p.Profile, ct);
        var changes = new List<string>();
        foreach (var input in inputs)
        {
            var before = current.Value!.Items.Single(i => i.Profile == input.Profile);
            if (before.SendingEnabled == input.SendingEnabled && before.QuietFrom == input.QuietFrom && before.QuietTo == input.QuietTo)
            {
                continue;
            }

            if (!stored.TryGetValue(input.Profile, out var policy))
            {
                policy = new MessagingPolicy { StructureId = structureId, Profile = input.Profile };
                db.Add(policy);
            }

            policy.SendingEnabled = input.SendingEnabled;
            policy.QuietFrom = input.QuietFrom;
            policy.QuietTo = input.QuietTo;
            policy.UpdatedBy = me.Id;
            policy.UpdatedAt = now;
            changes.Add(Describe(input));
        }

        if (changes.Count > 0)
        {
            audit.Record(AuditAction, null, null, structureId, string.Join("; ", changes));
            await db.SaveChangesAsync(ct);
        }

        return await ViewAsync(me, structureId, ct);
    }

    /// <summary>An incident: sending off at once for the school's pupils and parents; their quiet hours stay as they were.</summary>
    public async Task<Outcome<Policies>> IncidentAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        var current = await ViewAsync(me, structureId, ct);
        if (!current.Found)
        {
            return current;
        }

        return await SaveAsync(me, structureId, [.. current.Value!.Items.Where(i => i.Profile is Profile.Student or Profile.Relative)
            .Select(i => new PolicyInput(i.Profile, false, i.QuietFrom, i.QuietTo))], ct);
    }

    /// <summary>"Student: sending off, quiet hours 20:00–07:00" — the audit's words, the same in every language.</summary>
    internal static string Describe(PolicyInput input)
    {
        var text = new StringBuilder();
        text.Append(input.Profile.ToString()).Append(": sending ").Append(input.SendingEnabled ? "on" : "off");
        text.Append(input.QuietFrom is { } from && input.QuietTo is { } to
            ? string.Create(CultureInfo.InvariantCulture, $", quiet hours {from:HH\\:mm}–{to:HH\\:mm} (Paris)")
            : ", no quiet hours");
        return text.ToString();
    }
}
