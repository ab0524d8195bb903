using Microsoft.Extensions.Options;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Storage;

namespace Preau.Documents.Features.Files;

/// <summary>
/// Content coming in for a document (a first upload or a new version), charged to the document
/// owner's quota through the platform's one sequence (<see cref="QuotaStore"/>): the room checked
/// first (the declared length, or the most this file may take), the bytes streamed under that cap,
/// then the quota, the blob's reference and the document's rows saved in one transaction. Any
/// refusal, failure or crash leaves nothing counted.
/// </summary>
public sealed class DocumentContent(QuotaStore quotaStore, BlobRegistry blobs, IBlobStore store, StorageQuota quota, IOptions<DocumentsOptions> options)
{
    public const string Field = "File";

    /// <summary>
    /// Stores <paramref name="content"/> charged to <paramref name="ownerId"/>, and saves what
    /// <paramref name="keep"/> saves with it. <paramref name="declaredLength"/> is the length
    /// announced for this file, when known; <paramref name="atMost"/> bounds it otherwise (what is
    /// left of the request body).
    /// </summary>
    public Task<Outcome<T>> StoreAsync<T>(Guid ownerId, Stream content, long? declaredLength, long? atMost, Func<StoredBlob, CancellationToken, Task<Outcome<T>>> keep, CancellationToken ct) =>
        quotaStore.StoreWithinQuotaAsync(new QuotaUpload(ownerId, declaredLength, options.Value.MaxFileBytes) { AtMost = atMost, Field = Field }, content, keep, ct);

    /// <summary>Gives back what a version held: its reference and its room in the owner's quota.</summary>
    public async Task ReleaseAsync(Guid ownerId, string blobKey, long length, CancellationToken ct)
    {
        await blobs.ReleaseAsync(blobKey, ct);
        await quota.ReleaseAsync(ownerId, length, ct);
    }

    /// <summary>One more reference to content already stored (a copy, a version restored), charged to the owner's quota with what <paramref name="keep"/> saves.</summary>
    public Task<Outcome<T>> ReferenceAsync<T>(Guid ownerId, string blobKey, long length, Func<CancellationToken, Task<Outcome<T>>> keep, CancellationToken ct) =>
        quotaStore.ReferenceWithinQuotaAsync(ownerId, blobKey, length, Field, keep, ct);

    /// <summary>The type to keep for stored content: the one its bytes prove, else the declared one if it claims nothing viewable (the platform's rule, as for attachments).</summary>
    public async Task<string> TypeOfAsync(string blobKey, string? declared, CancellationToken ct) =>
        FileSniffer.StoredType(await FileSniffer.SniffAsync(store, blobKey, ct), declared);
}
