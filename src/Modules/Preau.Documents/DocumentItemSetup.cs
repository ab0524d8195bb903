using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Documents.Features.Browse;
using Preau.Documents.Features.Comments;
using Preau.Documents.Features.Download;
using Preau.Documents.Features.Previews;
using Preau.Documents.Features.Sharing;
using Preau.Documents.Resources;
using Preau.Platform.Feed;
using Preau.Platform.Files;
using Preau.Platform.Rights;
using Preau.Platform.Security;

namespace Preau.Documents;

/// <summary>
/// One document's page and what it needs: details, the inline content and the thumbnail (through
/// the platform's one file answer), comments and their feed notice, what others shared with one.
/// </summary>
public static class DocumentItemSetup
{
    public static IServiceCollection AddDocumentItem(this IServiceCollection services)
    {
        services.AddScoped<DocumentDetails>();
        services.AddScoped<DocumentPreviews>();
        services.AddScoped<DocumentComments>();
        services.AddScoped<SharedWithMe>();
        services.AddThumbnailTarget<DocumentThumbnailTarget>(DocumentPreviews.Target);
        services.AddFeedType(new FeedType(DocumentComments.FeedType, DocumentsModule.App, "documents", typeof(DocumentItemStrings),
            "Feed.Commented.Label", "Feed.Commented.Text", "Feed.Commented.Short"));
        return services;
    }

    public static IEndpointRouteBuilder MapDocumentItem(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup(DocumentsModule.Url).RequireAuthorization().RequireAppRight(DocumentsModule.AccessRight).ExcludeFromDescription();

        // The viewer's source: asked inline, but FileResponse decides from the bytes (HTML, SVG and
        // anything unproven still go as an attachment, sandboxed, nosniff).
        pages.MapGet("/{id:guid}/voir", async (Guid id, CurrentUser currentUser, ServeDocument serve, CancellationToken ct) =>
            await serve.OpenAsync(await currentUser.RequireAsync(ct), id, null, ct) is { } download
                ? FileResponse.From(download.Content, download.FileName, inline: true)
                : Results.NotFound());

        pages.MapGet("/{id:guid}/miniature", async (Guid id, CurrentUser currentUser, DocumentPreviews previews, CancellationToken ct) =>
            await previews.OpenAsync(await currentUser.RequireAsync(ct), id, ct) is { } thumbnail
                ? FileResponse.From(thumbnail, "miniature", inline: true)
                : Results.NotFound());
        return endpoints;
    }

    /// <summary>The page of a document.</summary>
    public static string Page(Guid id) => $"{DocumentsModule.Url}/{id}";

    /// <summary>Its content inline (the viewer).</summary>
    public static string Inline(Guid id) => $"{DocumentsModule.Url}/{id}/voir";

    /// <summary>Its thumbnail (404 until the job made one).</summary>
    public static string Thumbnail(Guid id) => $"{DocumentsModule.Url}/{id}/miniature";

    /// <summary>Its current content, or a version's, as an attachment (the API's download).</summary>
    public static string Download(Guid id, Guid? version = null) =>
        version is { } v ? $"/api/v1/documents/{id}/versions/{v}/content" : $"/api/v1/documents/{id}/content";
}
