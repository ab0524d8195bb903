using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Jobs;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Platform.Files;

/// <summary>A thumbnail now stored: its blob key (one reference held for the caller), type and size.</summary>
public sealed record MadeThumbnail(string Key, long Length, string MediaType, int Width, int Height);

/// <summary>A thumbnail made and stored, or why not.</summary>
public sealed record ThumbnailOutcome(MadeThumbnail? Thumbnail, ThumbnailProblem Problem);

/// <summary>What a module asks of the <c>files.thumbnail</c> job: the source blob, and who to tell.</summary>
/// <param name="SourceKey">The blob key of the picture.</param>
/// <param name="Target">The name a module registered with <see cref="FilesSetup.AddThumbnailTarget{T}"/>.</param>
/// <param name="Reference">The module's own reference (an attachment id, a document version id), handed back as is.</param>
public sealed record ThumbnailRequest(string SourceKey, string Target, string Reference);

/// <summary>
/// A module that receives thumbnails made in the background (registered with
/// <see cref="FilesSetup.AddThumbnailTarget{T}"/>, scoped: it may take the DbContext).
/// </summary>
public interface IThumbnailTarget
{
    /// <summary>
    /// The thumbnail for <paramref name="reference"/> is stored: keep its key beside your row
    /// (save your changes; the job commits them with the thumbnail's reference). Return false when
    /// you do not keep it (the row is gone, it already has one): then nothing is held.
    /// </summary>
    Task<bool> ThumbnailMadeAsync(string reference, MadeThumbnail thumbnail, CancellationToken ct);

    /// <summary>No thumbnail can be made (not an image, too large, a bomb, the source gone): the job ends there.</summary>
    Task ThumbnailRefusedAsync(string reference, ThumbnailProblem problem, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A registered <see cref="IThumbnailTarget"/>: its name in the job payload and its type.</summary>
public sealed record ThumbnailTargetRegistration(string Name, Type Type);

/// <summary>
/// Thumbnails of stored pictures, for every module: made from a blob key (bounded size, upright,
/// WebP by default), stored through the <see cref="BlobRegistry"/> so they are referenced and
/// collected like any blob; made now (<see cref="MakeAsync"/>) or in the background
/// (<see cref="EnqueueAsync"/>, job kind <see cref="JobKind"/>).
/// </summary>
public sealed class Thumbnails(IBlobStore store, BlobRegistry blobs, JobQueue jobs)
{
    public const string JobKind = "files.thumbnail";

    /// <summary>320 px on the longest side, WebP.</summary>
    public static readonly ThumbnailSpec Default = new();

    /// <summary>Draws the thumbnail of stored content without storing it (bounded reading, bombs refused).</summary>
    public async Task<ThumbnailImage> RenderAsync(string sourceKey, ThumbnailSpec? spec = null, CancellationToken ct = default)
    {
        spec ??= Default;
        await using var content = await store.OpenReadAsync(sourceKey, ct);
        if (content is null)
        {
            return new ThumbnailImage(null, spec.MediaType, 0, 0, ThumbnailProblem.Missing);
        }

        if (content.CanSeek && content.Length > spec.MaxSourceBytes)
        {
            return new ThumbnailImage(null, spec.MediaType, 0, 0, ThumbnailProblem.TooLarge);
        }

        // Read at most one byte past the limit: a stream that cannot tell its length is bounded too.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= spec.MaxSourceBytes && await content.ReadAsync(chunk, ct) is var n and > 0)
        {
            buffer.Write(chunk, 0, n);
        }

        return buffer.Length > spec.MaxSourceBytes
            ? new ThumbnailImage(null, spec.MediaType, 0, 0, ThumbnailProblem.TooLarge)
            : ThumbnailMaker.Make(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), spec);
    }

    /// <summary>
    /// Makes and stores the thumbnail of <paramref name="sourceKey"/>, holding one reference to it
    /// for the caller (inside the caller's transaction when there is one): keep its key, and
    /// release it with <see cref="BlobRegistry.ReleaseAsync"/> when the owner goes.
    /// </summary>
    public async Task<ThumbnailOutcome> MakeAsync(string sourceKey, ThumbnailSpec? spec = null, CancellationToken ct = default)
    {
        var image = await RenderAsync(sourceKey, spec, ct);
        return image.Bytes is null ? new ThumbnailOutcome(null, image.Problem) : new ThumbnailOutcome(await StoreAsync(image, ct), ThumbnailProblem.None);
    }

    /// <summary>
    /// Asks for a thumbnail in the background: the job makes it and hands its key to the
    /// <paramref name="target"/> registered under that name, with <paramref name="reference"/>.
    /// Written in the caller's transaction when there is one (the row and its job are saved together).
    /// </summary>
    public Task<long?> EnqueueAsync(string sourceKey, string target, string reference, CancellationToken ct = default)
    {
        BlobKeys.Validate(sourceKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(reference);
        return jobs.EnqueueAsync(JobKind, new ThumbnailRequest(sourceKey, target, reference), ct: ct);
    }

    internal async Task<MadeThumbnail> StoreAsync(ThumbnailImage image, CancellationToken ct)
    {
        using var bytes = new MemoryStream(image.Bytes!, writable: false);
        var blob = await blobs.StoreAsync(bytes, image.Bytes!.Length, ct);
        return new MadeThumbnail(blob.Key, blob.Length, image.MediaType, image.Width, image.Height);
    }
}

/// <summary>
/// Runs <c>files.thumbnail</c>: draws the thumbnail (outside any transaction), then in one
/// transaction stores it and hands it to the module's target; a target that declines, or fails,
/// rolls the reference back (the content, unreferenced, goes with the orphan collector). A source
/// that is not a picture is reported to the target once, not retried.
/// </summary>
internal sealed class ThumbnailJob(IServiceProvider services, IEnumerable<ThumbnailTargetRegistration> targets, Thumbnails thumbnails, PreauDbContext db) : IJobHandler
{
    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var request = job.Read<ThumbnailRequest>();
        var registration = targets.LastOrDefault(t => string.Equals(t.Name, request.Target, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No thumbnail target is registered as \"{request.Target}\".");
        var target = (IThumbnailTarget)services.GetRequiredService(registration.Type);
        var image = await thumbnails.RenderAsync(request.SourceKey, null, ct);
        if (image.Bytes is null)
        {
            await target.ThumbnailRefusedAsync(request.Reference, image.Problem, ct);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var made = await thumbnails.StoreAsync(image, ct);
        if (await target.ThumbnailMadeAsync(request.Reference, made, ct))
        {
            await transaction.CommitAsync(ct);
        }
    }
}

public static class FilesSetup
{
    /// <summary>Thumbnails and their background job, web versions of uploaded pictures; called by AddPreauPlatform.</summary>
    public static IServiceCollection AddPreauFiles(this IServiceCollection services)
    {
        services.AddScoped<Thumbnails>();
        services.AddOptions<WebImageOptions>().BindConfiguration("Files:WebImages");
        services.AddSingleton<WebImages>();
        services.AddJobHandler<ThumbnailJob>(Thumbnails.JobKind);
        return services;
    }

    /// <summary>
    /// Registers the module's receiver of background thumbnails under <paramref name="name"/>
    /// (the <c>target</c> it passes to <see cref="Thumbnails.EnqueueAsync"/>, e.g. "messaging.attachment").
    /// </summary>
    public static IServiceCollection AddThumbnailTarget<T>(this IServiceCollection services, string name)
        where T : class, IThumbnailTarget
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddScoped<T>();
        services.AddSingleton(new ThumbnailTargetRegistration(name, typeof(T)));
        return services;
    }
}
