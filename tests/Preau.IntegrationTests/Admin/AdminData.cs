using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Admin;

/// <summary>The demo city's places and people as the administration tests need them, read from the database.</summary>
internal static class AdminData
{
    public const string JulesFerry = "0751235B";
    public const string VictorHugo = "0751236C";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<Guid> StructureIdAsync(this PreauApp app, string uai) =>
        app.WithDbAsync(db => db.Structures.Where(s => s.Uai == uai).Select(s => s.Id).SingleAsync(Ct));

    public static Task<Guid> ClassIdAsync(this PreauApp app, string name, string uai) =>
        app.WithDbAsync(db => db.Classes.Where(c => c.Name == name)
            .Join(db.Structures.Where(s => s.Uai == uai), c => c.StructureId, s => s.Id, (c, s) => c.Id).SingleAsync(Ct));

    public static async Task<Guid> UserIdAsync(this PreauApp app, string login) => (await app.UserAsync(login)).Id;

    /// <summary>The classes (by name) whose profile groups hold the person.</summary>
    public static Task<List<string>> ClassesOfAsync(this PreauApp app, Guid userId) =>
        app.WithDbAsync(db => db.GroupMembers.Where(m => m.UserId == userId)
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile && g.ClassId != null), m => m.GroupId, g => g.Id, (m, g) => g.ClassId)
            .Join(db.Classes, id => id, c => c.Id, (id, c) => c.Name).Distinct().ToListAsync(Ct));

    /// <summary>The structures (by UAI) whose groups hold the person.</summary>
    public static Task<List<string>> StructuresOfAsync(this PreauApp app, Guid userId) =>
        app.WithDbAsync(db => db.GroupMembers.Where(m => m.UserId == userId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g.StructureId)
            .Join(db.Structures, id => id, s => s.Id, (id, s) => s.Uai).Distinct().ToListAsync(Ct));

    /// <summary>The audit entries of one action about one person, newest first.</summary>
    public static Task<List<Platform.Audit.AuditEntry>> AuditAsync(this PreauApp app, string action, Guid? target = null) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == action && (target == null || a.TargetUserId == target))
            .OrderByDescending(a => a.At).ToListAsync(Ct));

    /// <summary>A pupil of a Jules Ferry class (not a persona) with at least one parent, and that parent.</summary>
    public static Task<(Guid Pupil, Guid Parent)> FamilyInAsync(this PreauApp app, string className, int skip = 0) =>
        app.WithDbAsync(async db =>
        {
            var classId = await app.ClassIdAsync(className, JulesFerry);
            var pair = await db.GroupMembers
                .Join(db.Groups.Where(g => g.ClassId == classId && g.Profile == Profile.Student), m => m.GroupId, g => g.Id, (m, g) => m.UserId)
                .Join(db.ParentLinks, id => id, l => l.StudentId, (id, l) => new { l.StudentId, l.RelativeId })
                .Where(x => !db.ParentLinks.Any(o => o.RelativeId == x.RelativeId && o.StudentId != x.StudentId))
                .OrderBy(x => x.StudentId).Skip(skip).FirstAsync(Ct);
            return (pair.StudentId, pair.RelativeId);
        });
}
