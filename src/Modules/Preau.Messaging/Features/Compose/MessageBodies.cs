using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Options;
using Preau.Messaging.Data;
using Preau.Platform.Directory.Features;
using Preau.Platform.RichText;

namespace Preau.Messaging.Features.Compose;

/// <summary>
/// Message bodies: sanitized on save and again on render (the platform's allow-list), so that
/// script or event handlers written into a message arrive inert; images only from the message's
/// own attachments; their plain text feeds previews and search.
/// </summary>
public sealed class MessageBodies(RichTextSanitizer sanitizer, IOptions<MessagingOptions> options)
{
    /// <summary>Where a message's inline images are served from: nothing else may be an image source.</summary>
    public const string ImagePrefix = "/messagerie/pieces/";

    public RichTextPolicy Policy => RichTextPolicy.WithImages(options.Value.BodyMaxLength, ImagePrefix);

    /// <summary>What the composer posted: the editor's markup, or a plain textarea's text.</summary>
    public RichText Clean(string? body, bool plainText) =>
        plainText ? RichTextSanitizer.FromPlainText(body) : sanitizer.FromPost(body, Policy);

    /// <summary>A saved body, sanitized again for a page.</summary>
    public IHtmlContent Render(string? html) => sanitizer.RenderSafe(html, Policy);

    /// <summary>A saved body, sanitized again, as markup for the API.</summary>
    public string RenderMarkup(string? html) => sanitizer.RenderMarkup(html, Policy);

    public static string Preview(RichText body) => body.Preview(MessageConfiguration.PreviewMaxLength);

    public static string SearchText(string subject, string senderName, string plainText) =>
        UserSearchName.Fold(string.Join(' ', subject, senderName, plainText));
}
