using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Platform.Directory.Features;

/// <summary>
/// Loads who the signed-in person is and where they belong, in a fixed number of queries
/// (user, structures, classes, children, children's classes, functions: six at most) whatever
/// the size of their schools. Every page runs it, so its queries are compiled once and share
/// one opened connection (DESIGN.md, performance posture).
/// </summary>
public sealed class LoadUserContext(PreauDbContext db)
{
    // A compiled query serves one model only, and one process may hold several (the tests run
    // SQLite and PostgreSQL side by side): one set of compiled queries per model.
    private static readonly ConditionalWeakTable<IModel, Queries> QueriesByModel = [];

    private static readonly StringComparer FrenchOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), System.Globalization.CompareOptions.IgnoreCase);

    public async Task<UserContext?> LoadAsync(Guid userId, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await LoadOpenedAsync(userId, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<UserContext?> LoadOpenedAsync(Guid userId, CancellationToken ct)
    {
        var q = QueriesByModel.GetValue(db.Model, static _ => new Queries());
        var user = await q.User(db, userId, ct);
        if (user is null)
        {
            return null;
        }

        // Sorted here, in French, rather than by the database's collation, which differs between
        // providers ("École" after "Lycée" under PostgreSQL's C collation): the default school
        // must not depend on the provider.
        var structures = (await ToListAsync(q.Structures(db, userId), ct)).OrderBy(s => s.Name, FrenchOrder).ToList();

        // A parent's membership of a class group comes from their children; their own classes are the pupils'.
        var classes = user.Profile == Profile.Relative
            ? []
            : await ToListAsync(q.Classes(db, userId), ct);

        var children = await ToListAsync(q.Children(db, userId), ct);

        var childClasses = children.Count == 0
            ? []
            : await ToListAsync(q.ChildClasses(db, userId), ct);

        var functions = await ToListAsync(q.Functions(db, userId), ct);

        return new UserContext(
            user.Id, user.Login, user.FirstName, user.LastName, user.DisplayName, user.Profile,
            structures,
            classes,
            children.Select(c => new ChildRef(c.Id, c.FirstName, c.DisplayName,
                childClasses.Where(x => x.UserId == c.Id).Select(x => x.Class).OrderBy(x => x.Name).ToList())).ToList(),
            functions,
            new DisplayPreferences(user.ColorScheme, user.HighContrast, user.DyslexiaFont));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(ct))
        {
            list.Add(item);
        }

        return list;
    }

    private sealed record UserRow(
        Guid Id, string Login, string FirstName, string LastName, string DisplayName, Profile Profile,
        ColorScheme ColorScheme, bool HighContrast, bool DyslexiaFont);

    private sealed record ChildRow(Guid Id, string FirstName, string DisplayName);

    private sealed record ChildClassRow(Guid UserId, ClassRef Class);

    private sealed class Queries
    {
        public readonly Func<PreauDbContext, Guid, CancellationToken, Task<UserRow?>> User =
            EF.CompileAsyncQuery((PreauDbContext db, Guid userId, CancellationToken ct) =>
                db.Users.AsNoTracking()
                    .Where(u => u.Id == userId && u.State == AccountState.Active)
                    .Select(u => new UserRow(u.Id, u.Login, u.FirstName, u.LastName, u.DisplayName, u.Profile, u.ColorScheme, u.HighContrast, u.DyslexiaFont))
                    .FirstOrDefault());

        public readonly Func<PreauDbContext, Guid, IAsyncEnumerable<StructureRef>> Structures =
            EF.CompileAsyncQuery((PreauDbContext db, Guid userId) =>
                db.Structures.AsNoTracking()
                    .Where(s => db.GroupMembers.Where(m => m.UserId == userId)
                        .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g)
                        .Any(g => g.StructureId == s.Id))
                    .Select(s => new StructureRef(s.Id, s.Name, s.Uai, s.Type)));

        public readonly Func<PreauDbContext, Guid, IAsyncEnumerable<ClassRef>> Classes =
            EF.CompileAsyncQuery((PreauDbContext db, Guid userId) =>
                db.Classes.AsNoTracking()
                    .Where(c => db.GroupMembers.Where(m => m.UserId == userId)
                        .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g)
                        .Any(g => g.ClassId == c.Id && g.Kind == GroupKind.Profile))
                    .OrderBy(c => c.Name)
                    .Select(c => new ClassRef(c.Id, c.StructureId, c.Name, c.Level)));

        public readonly Func<PreauDbContext, Guid, IAsyncEnumerable<ChildRow>> Children =
            EF.CompileAsyncQuery((PreauDbContext db, Guid userId) =>
                db.ParentLinks.AsNoTracking()
                    .Where(l => l.RelativeId == userId)
                    .Join(db.Users, l => l.StudentId, u => u.Id, (l, u) => u)
                    .OrderBy(u => u.FirstName)
                    .Select(u => new ChildRow(u.Id, u.FirstName, u.DisplayName)));

        public readonly Func<PreauDbContext, Guid, IAsyncEnumerable<ChildClassRow>> ChildClasses =
            EF.CompileAsyncQuery((PreauDbContext db, Guid userId) =>
                db.ParentLinks.AsNoTracking()
                    .Where(l => l.RelativeId == userId)
                    .Join(db.GroupMembers, l => l.StudentId, m => m.UserId, (l, m) => m)
                    .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile && g.Profile == Profile.Student && g.ClassId != null),
                        m => m.GroupId, g => g.Id, (m, g) => new { m.UserId, ClassId = g.ClassId!.Value })
                    .Join(db.Classes, x => x.ClassId, c => c.Id, (x, c) => new ChildClassRow(x.UserId, new ClassRef(c.Id, c.StructureId, c.Name, c.Level))));

        public readonly Func<PreauDbContext, Guid, IAsyncEnumerable<FunctionRef>> Functions =
            EF.CompileAsyncQuery((PreauDbContext db, Guid userId) =>
                db.FunctionGrants.AsNoTracking()
                    .Where(f => f.UserId == userId)
                    .Select(f => new FunctionRef(f.Function, f.StructureId, f.ClassId)));
    }
}
