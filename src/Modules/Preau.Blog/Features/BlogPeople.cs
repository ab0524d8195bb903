using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Blog.Features;

/// <summary>How an author is named: in full to members; on a public page a pupil by first name only, an adult by first name and initial.</summary>
public sealed record BlogAuthor(Guid Id, string FirstName, string LastName, string DisplayName, Profile Profile)
{
    public string PublicName => Profile == Profile.Student || LastName.Length == 0 ? FirstName : $"{FirstName} {char.ToUpperInvariant(LastName[0])}.";
}

/// <summary>Names the authors of a page in one query.</summary>
public sealed class BlogPeople(PreauDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, BlogAuthor>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, BlogAuthor>();
        }

        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new BlogAuthor(u.Id, u.FirstName, u.LastName, u.DisplayName, u.Profile))
            .ToDictionaryAsync(a => a.Id, ct);
    }

    public static BlogAuthor Unknown(Guid id) => new(id, "?", "", "?", Profile.Guest);
}
