using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Preau.Blog.Domain;
using Preau.Blog.Resources;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Rights;
using Preau.Platform.Security;
using Preau.Platform.Storage;

namespace Preau.Blog.Features;

/// <summary>A picture, sound or video just stored for a blog (the editor reads <c>url</c>).</summary>
public sealed record MediaUploaded(string Url, Guid Id, string Name, long Size, string Type);

/// <summary>
/// The blog's pictures, sounds and videos: stored within the uploader's quota (only what the bytes
/// prove to be a picture, a sound or a video), served to the blog's readers, and to people without
/// an account only when the blog is public and its cover or a published post shows the file.
/// </summary>
public sealed class BlogMediaStore(PreauDbContext db, BlogAccess access, QuotaStore quotaStore, IBlobStore store, WebImages webImages, TimeProvider clock, IOptions<BlogOptions> options, IServiceProvider services)
{
    public const string Prefix = "/blog/media/";

    public const string Field = "File";

    public async Task<Outcome<MediaUploaded>> UploadAsync(UserContext me, Guid blogId, string? fileName, Stream content, long declaredLength, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var view = await access.FindAsync(me, blogId, ct);
        if (view is null || !(view.CanContribute || view.CanManage))
        {
            return Outcome.NotFound<MediaUploaded>();
        }

        // A photo is stored as its web version: at most 1600 px, upright, without its metadata
        // (a child's photo must not carry where it was taken).
        if (content.CanSeek)
        {
            var head = await FileSniffer.ReadHeadAsync(content, ct);
            content.Seek(0, SeekOrigin.Begin);
            if (FileSniffer.ImageType(head) is not null && await webImages.PrepareAsync(content, ct) is { } web)
            {
                content = new MemoryStream(web.Bytes, writable: false);
                declaredLength = web.Bytes.Length;
                fileName = web.FileName(fileName);
            }
            else
            {
                content.Seek(0, SeekOrigin.Begin);
            }
        }

        var upload = new QuotaUpload(me.Id, declaredLength < 0 ? null : declaredLength, options.Value.MaxMediaBytes) { Field = Field };
        return await quotaStore.StoreWithinQuotaAsync(upload, content, async (blob, c) =>
        {
            var sniffed = await FileSniffer.SniffAsync(store, blob.Key, c);
            if (sniffed is not { Kind: FileKind.Image or FileKind.Audio or FileKind.Video })
            {
                return Outcome.Invalid<MediaUploaded>(Field, "Error.MediaType");
            }

            var now = clock.GetUtcNow();
            var media = new BlogMedia
            {
                Id = Guid.CreateVersion7(now), BlogId = blogId, UploaderId = me.Id, BlobKey = blob.Key, ContentType = sniffed.MediaType,
                FileName = FileNames.Clean(fileName), Length = blob.Length, CreatedAt = now,
            };
            db.Add(media);
            await db.SaveChangesAsync(c);
            return new MediaUploaded(BlogLinks.Media(media.Id), media.Id, media.FileName, media.Length, media.ContentType);
        }, ct);
    }

    /// <summary>The document space, when the application has one (the picker's source).</summary>
    public IDocumentSource? Documents { get; } = services.GetService<IDocumentSource>();

    /// <summary>
    /// Adds documents chosen in the person's space to a blog: each held by one more reference to
    /// its current content (no byte copied), charged to the person's quota. One the person may not
    /// read refuses them all, with nothing added.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<MediaUploaded>>> AddDocumentsAsync(UserContext me, Guid blogId, IReadOnlyCollection<Guid> documentIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(documentIds);
        var view = await access.FindAsync(me, blogId, ct);
        if (Documents is null || view is null || !(view.CanContribute || view.CanManage))
        {
            return Outcome.NotFound<IReadOnlyList<MediaUploaded>>();
        }

        var picked = new List<PickedDocument>();
        foreach (var id in documentIds.Distinct())
        {
            if (await Documents.ReferenceAsync(me, id, ct) is not { } document)
            {
                return Outcome.NotFound<IReadOnlyList<MediaUploaded>>();
            }

            picked.Add(document);
        }

        var added = new List<MediaUploaded>();
        foreach (var document in picked)
        {
            var one = await quotaStore.ReferenceWithinQuotaAsync(me.Id, document.BlobKey, document.Length, Field, async c =>
            {
                var now = clock.GetUtcNow();
                var media = new BlogMedia
                {
                    Id = Guid.CreateVersion7(now), BlogId = blogId, UploaderId = me.Id, BlobKey = document.BlobKey, ContentType = document.ContentType,
                    FileName = document.Name, Length = document.Length, CreatedAt = now,
                };
                db.Add(media);
                await db.SaveChangesAsync(c);
                return (Outcome<MediaUploaded>)new MediaUploaded(BlogLinks.Media(media.Id), media.Id, media.FileName, media.Length, media.ContentType);
            }, ct);
            if (!one.Succeeded)
            {
                return one.Found ? Outcome.Invalid<IReadOnlyList<MediaUploaded>>(one.Errors!) : Outcome.NotFound<IReadOnlyList<MediaUploaded>>();
            }

            added.Add(one.Value!);
        }

        return added;
    }

    /// <summary>The file for this person (null: anonymous) or nothing.</summary>
    public async Task<(Stream Content, string Type, string Name)?> OpenAsync(UserContext? me, Guid mediaId, CancellationToken ct)
    {
        var media = await db.Set<BlogMedia>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == mediaId, ct);
        if (media is null)
        {
            return null;
        }

        var allowed = me is not null && await access.FindAsync(me, media.BlogId, ct) is not null;
        if (!allowed)
        {
            // A public page's pictures: the cover, or a file a published post shows.
            allowed = await db.Set<BlogBlog>().AnyAsync(b => b.Id == media.BlogId && b.IsPublic && b.TrashedAt == null
                && (b.CoverId == media.Id || db.Set<BlogPostMedia>().Any(pm => pm.MediaId == media.Id
                    && db.Set<BlogPost>().Any(p => p.Id == pm.PostId && p.State == PostState.Published))), ct);
        }

        if (!allowed)
        {
            return null;
        }

        var content = await store.OpenReadAsync(media.BlobKey, ct);
        return content is null ? null : (content, media.ContentType, media.FileName);
    }
}

internal static class BlogMediaEndpoints
{
    /// <summary>Slack over the largest file for the multipart envelope.</summary>
    private const long Envelope = 64 * 1024;

    public static IEndpointRouteBuilder MapBlogMedia(this IEndpointRouteBuilder endpoints)
    {
        var limits = endpoints.ServiceProvider.GetRequiredService<IOptions<BlogOptions>>().Value;
        endpoints.MapPost("/blog/media", async ([FromQuery(Name = "blog")] Guid? blogId, IFormFile? file, CurrentUser currentUser, BlogMediaStore media,
                IStringLocalizer<BlogStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                if (blogId is null)
                {
                    return Results.NotFound();
                }

                if (file is null)
                {
                    return Results.Problem(detail: s["Error.EmptyFile"], statusCode: StatusCodes.Status400BadRequest);
                }

                await using var content = file.OpenReadStream();
                var outcome = await media.UploadAsync(me, blogId.Value, file.FileName, content, file.Length, ct);
                if (!outcome.Found)
                {
                    return Results.NotFound();
                }

                if (!outcome.Succeeded)
                {
                    var key = outcome.Errors!.Values.SelectMany(v => v).First();
                    return Results.Problem(detail: s[key], statusCode: key == QuotaStore.QuotaFull || key == QuotaStore.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
                }

                return Results.Json(outcome.Value);
            })
            .RequireAuthorization().RequireAppRight(BlogModule.AccessRight).ExcludeFromDescription()
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxMediaBytes + Envelope))
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxMediaBytes + Envelope);

        // Readers of the blog, or anyone for what a public page shows.
        endpoints.MapGet("/blog/media/{id:guid}", async (Guid id, CurrentUser currentUser, BlogMediaStore media, CancellationToken ct) =>
            {
                var file = await media.OpenAsync(await currentUser.GetAsync(ct), id, ct);
                return file is { } f ? FileResponse.From(f.Content, f.Name.Length == 0 ? null : f.Name, inline: true) : Results.NotFound();
            })
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
