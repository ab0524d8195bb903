using System.Security.Cryptography;
using Preau.Directory.Photos;
using Preau.Platform.Persistence;

namespace Preau.Directory.Features;

/// <summary>
/// Sets or removes the signed-in person's photo. The upload is checked and redrawn as a small
/// square JPEG before anything is saved: a refused file leaves the previous photo in place.
/// </summary>
public sealed class ChangePhoto(PreauDbContext db, IPhotoStore store, TimeProvider clock)
{
    public const string ContentType = "image/jpeg";

    /// <summary>The new photo's address, or the message key (DirectoryStrings) saying why the file was refused.</summary>
    public sealed record Result(string? PhotoUrl, string? Error);

    public async Task<Result> SetAsync(Guid userId, ReadOnlyMemory<byte> upload, CancellationToken ct)
    {
        var (jpeg, problem) = Thumbnail.Make(upload.Span);
        if (jpeg is null)
        {
            return new Result(null, problem == Thumbnail.Problem.TooBig ? "Photo.Error.TooBig" : "Photo.Error.NotAnImage");
        }

        var tag = Convert.ToHexStringLower(SHA256.HashData(jpeg).AsSpan(0, 8));
        await store.PutAsync(userId, new StoredPhoto(jpeg, ContentType, tag), ct);
        var profile = await MyProfile.LoadOrAddAsync(db, userId, clock, ct);
        profile.PhotoTag = tag;
        profile.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new Result(Face.PhotoPath(userId, tag), null);
    }

    public async Task RemoveAsync(Guid userId, CancellationToken ct)
    {
        await store.RemoveAsync(userId, ct);
        var profile = await MyProfile.LoadOrAddAsync(db, userId, clock, ct);
        profile.PhotoTag = null;
        profile.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reads an upload, but no more than one byte past the limit: enough to tell it is too big.</summary>
    public static async Task<byte[]> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > Thumbnail.MaxBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }
}
