using Microsoft.EntityFrameworkCore;
using Preau.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Directory.Features;

/// <summary>How a person appears on a card or a tile: their photo's address, or their initials on a coloured tile.</summary>
public sealed record Face(string Initials, string? PhotoUrl, int Colour)
{
    /// <summary>The photo's address carries its version, so that a new photo is never hidden by a cached old one.</summary>
    public static string PhotoPath(Guid userId, string tag) => $"/annuaire/photos/{userId}?v={tag}";

    public static Face Of(Guid userId, string firstName, string lastName, string? photoTag) =>
        new(Faces.Initials(firstName, lastName), photoTag is null ? null : PhotoPath(userId, photoTag), Faces.Colour(userId));
}

/// <summary>The photo versions of a page of people, in one query.</summary>
public sealed class PhotoTags(PreauDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, string>> OfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct) =>
        userIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Set<PersonProfile>().AsNoTracking().Where(p => userIds.Contains(p.UserId) && p.PhotoTag != null)
                .ToDictionaryAsync(p => p.UserId, p => p.PhotoTag!, ct);
}
