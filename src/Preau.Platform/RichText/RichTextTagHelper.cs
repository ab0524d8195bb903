using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Preau.Platform.Resources;

namespace Preau.Platform.RichText;

/// <summary>
/// <c>&lt;textarea asp-for="Body" preau-richtext preau-richtext-upload="/messagerie/pieces"&gt;</c>:
/// a textarea that richtext.js turns into the editor. It writes the editor's contract (docs/rich-text.md):
/// <c>data-richtext</c>, the localized labels as <c>data-label-*</c>, the optional
/// <c>data-upload-url</c>, and the script after the textarea (loaded once, deferred). Without
/// JavaScript the textarea stays as it is.
/// </summary>
[HtmlTargetElement("textarea", Attributes = EditorAttribute)]
public sealed class RichTextTagHelper(IStringLocalizer<RichTextStrings> S) : TagHelper
{
    public const string EditorAttribute = "preau-richtext";
    public const string Script = "/_content/Preau.Platform/js/richtext.js";

    /// <summary>Where pasted, dropped or picked images are posted (multipart, field <c>file</c>); none: no images.</summary>
    [HtmlAttributeName("preau-richtext-upload")]
    public string? UploadUrl { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(EditorAttribute);
        output.Attributes.SetAttribute("data-richtext", string.Empty);
        output.Attributes.SetAttribute("data-label-toolbar", S["RichText.Toolbar"].Value);
        output.Attributes.SetAttribute("data-label-bold", S["RichText.Bold"].Value);
        output.Attributes.SetAttribute("data-label-italic", S["RichText.Italic"].Value);
        output.Attributes.SetAttribute("data-label-underline", S["RichText.Underline"].Value);
        output.Attributes.SetAttribute("data-label-bullets", S["RichText.Bullets"].Value);
        output.Attributes.SetAttribute("data-label-numbers", S["RichText.Numbers"].Value);
        output.Attributes.SetAttribute("data-label-link", S["RichText.Link"].Value);
        output.Attributes.SetAttribute("data-label-link-prompt", S["RichText.LinkPrompt"].Value);
        output.Attributes.SetAttribute("data-label-quote", S["RichText.Quote"].Value);
        output.Attributes.SetAttribute("data-label-clear", S["RichText.Clear"].Value);
        if (!string.IsNullOrEmpty(UploadUrl))
        {
            output.Attributes.SetAttribute("data-upload-url", UploadUrl);
            output.Attributes.SetAttribute("data-label-image", S["RichText.Image"].Value);
            output.Attributes.SetAttribute("data-label-uploading", S["RichText.Uploading"].Value);
            output.Attributes.SetAttribute("data-label-uploaded", S["RichText.Uploaded"].Value);
            output.Attributes.SetAttribute("data-label-upload-failed", S["RichText.UploadFailed"].Value);
        }

        output.PostElement.AppendHtml($"<script src=\"{Script}\" defer></script>");
    }
}
