using Microsoft.Extensions.Options;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Storage;

namespace Preau.Documents.Features.Files;

/// <summary>
/// Content coming in for a document (a first upload or a new version), charged to the owner's
/// quota: the room is reserved first (the declared length, or when none is known the most this
/// file may take), the bytes are streamed into the platform's storage under that cap, then the
/// reservation is corrected to the real length. Any refusal gives everything back.
/// </summary>
public sealed class DocumentContent(BlobRegistry blobs, IBlobStore store, StorageQuota quota, IOptions<DocumentsOptions> options)
{
    public const string Field = "File";

    /// <summary>
    /// Stores <paramref name="content"/> for <paramref name="me"/>. <paramref name="declaredLength"/>
    /// is the length announced for this file, when known; <paramref name="atMost"/> bounds it
    /// otherwise (what is left of the request body).
    /// </summary>
    public async Task<Outcome<StoredBlob>> StoreAsync(UserContext me, Stream content, long? declaredLength, long? atMost, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(content);
        var maxFile = options.Value.MaxFileBytes;
        var quotaBytes = quota.QuotaOf(me);
        if (declaredLength == 0)
        {
            return Outcome.Invalid<StoredBlob>(Field, "Error.EmptyFile");
        }

        if (declaredLength > maxFile)
        {
            return Outcome.Invalid<StoredBlob>(Field, "Error.TooLarge");
        }

        long reserved, cap;
        if (declaredLength is { } declared and > 0)
        {
            (reserved, cap) = (declared, maxFile);
        }
        else
        {
            // No length told: reserve the most it may take, within what is free.
            var free = (await quota.StatusAsync(me.Id, ct))?.FreeBytes ?? quotaBytes;
            reserved = cap = Math.Min(Math.Min(maxFile, atMost is > 0 ? atMost.Value : maxFile), free);
            if (reserved <= 0)
            {
                return Outcome.Invalid<StoredBlob>(Field, "Error.QuotaFull");
            }
        }

        if (!await quota.TryReserveAsync(me.Id, quotaBytes, reserved, ct))
        {
            return Outcome.Invalid<StoredBlob>(Field, "Error.QuotaFull");
        }

        StoredBlob blob;
        try
        {
            blob = await blobs.StoreAsync(content, cap, ct);
        }
        catch (BlobTooLargeException)
        {
            await quota.ReleaseAsync(me.Id, reserved, ct);
            return Outcome.Invalid<StoredBlob>(Field, cap < maxFile ? "Error.QuotaFull" : "Error.TooLarge");
        }
        catch
        {
            await quota.ReleaseAsync(me.Id, reserved, ct);
            throw;
        }

        if (blob.Length != reserved)
        {
            // The reservation follows the real length: an empty file, or one that no longer fits, goes.
            await quota.ReleaseAsync(me.Id, reserved, ct);
            var problem = blob.Length == 0 ? "Error.EmptyFile"
                : await quota.TryReserveAsync(me.Id, quotaBytes, blob.Length, ct) ? null : "Error.QuotaFull";
            if (problem is not null)
            {
                await blobs.ReleaseAsync(blob.Key, ct);
                return Outcome.Invalid<StoredBlob>(Field, problem);
            }
        }

        return blob;
    }

    /// <summary>Gives back what a version held: its reference and its room in the owner's quota.</summary>
    public async Task ReleaseAsync(Guid ownerId, string blobKey, long length, CancellationToken ct)
    {
        await blobs.ReleaseAsync(blobKey, ct);
        await quota.ReleaseAsync(ownerId, length, ct);
    }

    /// <summary>One more reference to content already stored (a copy, a version restored), charged to the person's quota.</summary>
    public async Task<Outcome<Done>> ReferenceAsync(UserContext me, string blobKey, long length, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!await quota.TryReserveAsync(me.Id, quota.QuotaOf(me), length, ct))
        {
            return Outcome.Invalid<Done>(Field, "Error.QuotaFull");
        }

        if (!await blobs.AddRefAsync(blobKey, ct))
        {
            await quota.ReleaseAsync(me.Id, length, ct);
            return Outcome.NotFound<Done>();
        }

        return new Done();
    }

    /// <summary>The type to keep for stored content: the one its bytes prove, else the declared one if it claims nothing viewable (the platform's rule, as for attachments).</summary>
    public async Task<string> TypeOfAsync(string blobKey, string? declared, CancellationToken ct) =>
        FileSniffer.StoredType(await FileSniffer.SniffAsync(store, blobKey, ct), declared);
}
