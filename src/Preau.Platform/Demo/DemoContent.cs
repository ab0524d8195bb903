using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Platform.Demo;

/// <summary>
/// A module's share of the demo city: what its personas hold when someone first opens it — a few
/// documents, a message, a shared folder — written through the module's own use cases, so that
/// the demo shows the product as it is used. Run once, right after the directory is seeded, in
/// <see cref="Order"/>; registered with <c>services.AddScoped&lt;IDemoContent, …&gt;()</c>.
/// </summary>
public interface IDemoContent
{
    /// <summary>Lower first: content another module's demo uses comes before it.</summary>
    int Order { get; }

    Task SeedAsync(DemoPeople people, CancellationToken ct);
}

/// <summary>The demo city's people and class groups, by login and by class name, as the use cases need them.</summary>
public sealed class DemoPeople(PreauDbContext db, LoadUserContext users)
{
    /// <summary>A persona (claire.martin, lea.dubois…) as a signed-in request would see them.</summary>
    public async Task<UserContext> PersonAsync(string login, CancellationToken ct)
    {
        var id = await db.Users.Where(u => u.Login == login).Select(u => u.Id).SingleAsync(ct);
        return await users.LoadAsync(id, ct) ?? throw new InvalidOperationException($"The demo persona {login} cannot be loaded.");
    }

    /// <summary>A class's group of one profile: its pupils (Student) or its pupils' parents (Relative).</summary>
    public Task<Guid> ClassGroupAsync(string className, Profile profile, CancellationToken ct) =>
        db.Groups.Where(g => g.Profile == profile && db.Classes.Any(c => c.Id == g.ClassId && c.Name == className)).Select(g => g.Id).SingleAsync(ct);
}
