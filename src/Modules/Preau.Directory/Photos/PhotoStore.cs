using Microsoft.EntityFrameworkCore;
using Preau.Directory.Domain;
using Preau.Platform.Persistence;

namespace Preau.Directory.Photos;

/// <summary>A stored thumbnail: its bytes, type and version tag.</summary>
public sealed record StoredPhoto(byte[] Content, string ContentType, string Tag);

/// <summary>
/// Where profile photos live. In the database for now; the document storage will hold them
/// later behind this same interface.
/// </summary>
public interface IPhotoStore
{
    Task<StoredPhoto?> GetAsync(Guid userId, CancellationToken ct = default);

    /// <summary>Stages the photo in the current unit of work; the caller saves.</summary>
    Task PutAsync(Guid userId, StoredPhoto photo, CancellationToken ct = default);

    /// <summary>Stages the removal in the current unit of work; the caller saves.</summary>
    Task RemoveAsync(Guid userId, CancellationToken ct = default);
}

internal sealed class DatabasePhotoStore(PreauDbContext db) : IPhotoStore
{
    public async Task<StoredPhoto?> GetAsync(Guid userId, CancellationToken ct = default) =>
        await db.Set<PersonPhoto>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new StoredPhoto(p.Content, p.ContentType, p.Tag)).FirstOrDefaultAsync(ct);

    public async Task PutAsync(Guid userId, StoredPhoto photo, CancellationToken ct = default)
    {
        var row = await db.Set<PersonPhoto>().FirstOrDefaultAsync(p => p.UserId == userId, ct);
        if (row is null)
        {
            db.Add(new PersonPhoto { UserId = userId, Content = photo.Content, ContentType = photo.ContentType, Tag = photo.Tag });
        }
        else
        {
            row.Content = photo.Content;
            row.ContentType = photo.ContentType;
            row.Tag = photo.Tag;
        }
    }

    public async Task RemoveAsync(Guid userId, CancellationToken ct = default)
    {
        if (await db.Set<PersonPhoto>().FirstOrDefaultAsync(p => p.UserId == userId, ct) is { } row)
        {
            db.Remove(row);
        }
    }
}
