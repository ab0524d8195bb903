using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Bench.Visibility;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Bench.Homework;

/// <summary>
/// The measured people, chosen in the generated city by rule (so the same for one seed): a pupil of
/// a collège (a class with ten subject books, and a teaching group), and a parent of three children
/// in three classes, in two schools or more when the city has such a family (it has, at the default
/// size), a collège pupil among them when possible. Both are activated with a password (as after the
/// activation page: active, charter accepted), so that run.sh signs in through the real login form.
/// </summary>
internal sealed class Personas(IServiceProvider services, GeneratedPlatform platform)
{
    public async Task<IReadOnlyList<(string Key, object Value)>> PrepareAsync(string password, CancellationToken ct = default)
    {
        var placeOf = new Dictionary<Guid, (GeneratedSchool School, GeneratedClass Class)>();
        foreach (var school in platform.Schools)
        {
            foreach (var schoolClass in school.Classes)
            {
                foreach (var child in schoolClass.Pupils)
                {
                    placeOf[child] = (school, schoolClass);
                }
            }
        }

        var blocked = platform.Schools.SelectMany(s => s.Blocked).ToHashSet();
        var inTeachingGroup = platform.Schools.SelectMany(s => s.TeachingGroups).SelectMany(g => g.Pupils).ToHashSet();

        // The pupil: the first collège's first 4e (else any class), its first pupil in a teaching group.
        var college = platform.Schools.First(s => s.Type == StructureType.College && !s.Big);
        var pupilClass = college.Classes.FirstOrDefault(c => c.Level == ClassLevel.Quatrieme) ?? college.Classes[0];
        var pupil = pupilClass.Pupils.First(p => !blocked.Contains(p) && inTeachingGroup.Contains(p));

        // The parent: three children in three classes; two schools or more first, then a collège pupil among them.
        var parent = platform.ChildrenOf
            .Where(f => f.Value.Count == 3 && !blocked.Contains(f.Key) && f.Value.All(c => !blocked.Contains(c) && placeOf.ContainsKey(c)))
            .Where(f => f.Value.Select(c => placeOf[c].Class.Id).Distinct().Count() == 3)
            .OrderByDescending(f => f.Value.Select(c => placeOf[c].School.Id).Distinct().Count())
            .ThenByDescending(f => f.Value.Any(c => placeOf[c].School.Type == StructureType.College))
            .Select(f => f.Key)
            .FirstOrDefault();
        if (parent == Guid.Empty)
        {
            throw new InvalidOperationException("The generated city has no parent of three children in three classes: generate more accounts.");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var hash = scope.ServiceProvider.GetRequiredService<PasswordHashing>().Hash(password);
        var now = TimeProvider.System.GetUtcNow();
        List<Guid> people = [pupil, parent];
        var updated = await db.Users.Where(u => people.Contains(u.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.State, AccountState.Active)
            .SetProperty(u => u.PasswordHash, hash)
            .SetProperty(u => u.CharterAcceptedAt, now)
            .SetProperty(u => u.ActivationCodeHash, (string?)null)
            .SetProperty(u => u.ActivationCodeExpiresAt, (DateTimeOffset?)null), ct);
        if (updated != 2)
        {
            throw new InvalidOperationException("The measured pupil and parent were not both found.");
        }

        var logins = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Login, ct);
        var children = platform.ChildrenOf[parent];
        var names = await db.Users.AsNoTracking().Where(u => children.Contains(u.Id) || u.Id == pupil).ToDictionaryAsync(u => u.Id, u => u.FirstName, ct);
        var result = new List<(string, object)>
        {
            ("pupil_id", pupil),
            ("pupil_login", logins[pupil]),
            ("pupil_first_name", names[pupil]),
            ("pupil_place", Place(placeOf[pupil])),
            ("parent_id", parent),
            ("parent_login", logins[parent]),
            ("parent_schools", children.Select(c => placeOf[c].School.Id).Distinct().Count()),
        };
        for (var i = 0; i < children.Count; i++)
        {
            var n = (i + 1).ToString(CultureInfo.InvariantCulture);
            result.Add(("child" + n + "_id", children[i]));
            result.Add(("child" + n + "_first_name", names[children[i]]));
            result.Add(("child" + n + "_place", Place(placeOf[children[i]])));
        }

        return result;
    }

    private static string Place((GeneratedSchool School, GeneratedClass Class) place) => $"{place.Class.Name}, {place.School.Name}";
}
