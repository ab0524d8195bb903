using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Communication;

/// <summary>
/// The demo city's people by the part they play in the rules: the personas by login, and
/// others by a role ("ce2-pupil" is a pupil of CE2 A other than Léa, "5b-parent" the parent
/// of a 5e B pupil other than Hugo…), read from the database.
/// </summary>
internal static class ReachData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Guid> PersonAsync(this PreauApp app, string who)
    {
        var (className, uai, profile, parentOf) = who switch
        {
            "ce2-pupil" => ("CE2 A", "0751235B", Profile.Student, false),
            "ce2-parent" => ("CE2 A", "0751235B", Profile.Student, true),
            "cp-pupil" => ("CP A", "0751235B", Profile.Student, false),
            "cp-parent" => ("CP A", "0751235B", Profile.Student, true),
            "cp-teacher" => ("CP A", "0751235B", Profile.Teacher, false),
            "ms-pupil" => ("MS Les Hérissons", "0751234A", Profile.Student, false),
            "ms-parent" => ("MS Les Hérissons", "0751234A", Profile.Student, true),
            "ms-teacher" => ("MS Les Hérissons", "0751234A", Profile.Teacher, false),
            "5b-pupil" => ("5e B", "0751236C", Profile.Student, false),
            "5b-parent" => ("5e B", "0751236C", Profile.Student, true),
            "6a-pupil" => ("6e A", "0751236C", Profile.Student, false),
            _ => (null, null, Profile.Guest, false),
        };
        if (className is null)
        {
            return who switch
            {
                "cpe" => await IdAsync(app, "samia.belkacem"),
                _ => await IdAsync(app, who),
            };
        }

        return await app.WithDbAsync(async db =>
        {
            var classId = await db.Classes.Where(c => c.Name == className && db.Structures.Any(s => s.Id == c.StructureId && s.Uai == uai))
                .Select(c => c.Id).SingleAsync(Ct);
            var personas = new[] { Personas.Lea, Personas.Hugo, Personas.Nina, Personas.Claire, Personas.Paul };
            var members = db.GroupMembers.Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == classId && g.Profile == profile))
                .Join(db.Users.Where(u => !personas.Contains(u.Login)), m => m.UserId, u => u.Id, (m, u) => u.Id);
            if (!parentOf)
            {
                return await members.OrderBy(id => id).FirstAsync(Ct);
            }

            // A parent of that class with no child elsewhere, so that the role says one thing.
            return await db.ParentLinks.Where(l => members.Contains(l.StudentId)
                    && !db.ParentLinks.Any(o => o.RelativeId == l.RelativeId && o.StudentId != l.StudentId))
                .OrderBy(l => l.RelativeId).Select(l => l.RelativeId).FirstAsync(Ct);
        });
    }

    public static Task<Guid> GroupAsync(this PreauApp app, string className, Profile profile) =>
        app.WithDbAsync(db => db.Groups.Where(g => g.Kind == GroupKind.Profile && g.Profile == profile
                && db.Classes.Any(c => c.Id == g.ClassId && c.Name == className))
            .Select(g => g.Id).SingleAsync(Ct));

    public static async Task<T> WithReachAsync<T>(this PreauApp app, Func<Reach, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<Reach>());
    }

    private static Task<Guid> IdAsync(PreauApp app, string login) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Login == login).Select(u => u.Id).SingleAsync(Ct));
}
