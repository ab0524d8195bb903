using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Preau.Platform.Resources;

namespace Preau.Platform.RichText;

/// <summary>
/// <c>&lt;textarea asp-for="Body" preau-richtext preau-richtext-upload="/messagerie/pieces"&gt;</c>:
/// a textarea that richtext.js turns into the editor. It writes the editor's contract (docs/rich-text.md):
/// <c>data-richtext</c>, the localized labels as <c>data-label-*</c>, the optional
/// <c>data-upload-url</c>, <c>data-media</c> and <c>data-picker-url</c>, and the scripts after the
/// textarea (Squire, then the editor; deferred, run once). Without JavaScript the textarea stays as it is.
/// </summary>
[HtmlTargetElement("textarea", Attributes = EditorAttribute)]
public sealed class RichTextTagHelper(IStringLocalizer<RichTextStrings> S) : TagHelper
{
    public const string EditorAttribute = "preau-richtext";
    public const string Script = "/_content/Preau.Platform/js/richtext.js";
    public const string EngineScript = "/_content/Preau.Platform/lib/squire/squire.js";
    public const string PickerScript = "/_content/Preau.Platform/js/docpicker.js";

    /// <summary>Where pasted, dropped or picked images (and recordings) are posted (multipart, field <c>file</c>); none: no images.</summary>
    [HtmlAttributeName("preau-richtext-upload")]
    public string? UploadUrl { get; set; }

    /// <summary>
    /// The use case's policy keeps audio and video (<see cref="RichTextPolicy.WithMedia"/>): with an
    /// upload address the editor offers to record a sound, and keeps recordings and videos picked.
    /// </summary>
    [HtmlAttributeName("preau-richtext-media")]
    public bool Media { get; set; }

    /// <summary>The module's document picker page (docpicker.js contract); documents chosen are inserted. None: no Document button.</summary>
    [HtmlAttributeName("preau-richtext-picker")]
    public string? PickerUrl { get; set; }

    // The editor's labels: its data-label-* name and its key in RichTextStrings ("RichText." + key).
    private static readonly (string Name, string Key)[] BaseLabels =
    [
        ("toolbar", "Toolbar"), ("bold", "Bold"), ("italic", "Italic"), ("underline", "Underline"), ("strike", "Strike"), ("heading", "Heading"), ("subheading", "Subheading"), ("bullets", "Bullets"), ("numbers", "Numbers"), ("quote", "Quote"), ("link", "Link"), ("link-prompt", "LinkPrompt"), ("link-apply", "LinkApply"), ("link-remove", "LinkRemove"), ("link-invalid", "LinkInvalid"), ("cancel", "Cancel"), ("clear", "Clear"), ("undo", "Undo"), ("redo", "Redo"),
    ];

    private static readonly (string Name, string Key)[] UploadLabels = [("image", "Image"), ("uploading", "Uploading"), ("uploaded", "Uploaded"), ("upload-failed", "UploadFailed")];

    private static readonly (string Name, string Key)[] MediaLabels =
    [
        ("record", "Record"), ("stop-recording", "StopRecording"), ("recording", "Recording"), ("recording-name", "RecordingName"), ("recording-sending", "RecordingSending"), ("recorded", "Recorded"), ("recording-failed", "RecordingFailed"), ("microphone-denied", "MicrophoneDenied"),
    ];

    private static readonly (string Name, string Key)[] PickerLabels = [("document", "Document"), ("picker-title", "PickerTitle"), ("close", "Close"), ("picker-failed", "PickerFailed")];

    /// <summary>Every label key the editor may use (without the "RichText." prefix), for the strings' tests.</summary>
    public static IEnumerable<string> LabelKeys => BaseLabels.Concat(UploadLabels).Concat(MediaLabels).Concat(PickerLabels).Select(l => l.Key);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(EditorAttribute);
        output.Attributes.SetAttribute("data-richtext", string.Empty);
        Labels(output, BaseLabels);
        if (!string.IsNullOrEmpty(UploadUrl))
        {
            output.Attributes.SetAttribute("data-upload-url", UploadUrl);
            Labels(output, UploadLabels);
        }

        if (Media)
        {
            output.Attributes.SetAttribute("data-media", string.Empty);
            Labels(output, MediaLabels);
        }

        if (!string.IsNullOrEmpty(PickerUrl))
        {
            output.Attributes.SetAttribute("data-picker-url", PickerUrl);
            Labels(output, PickerLabels);
        }

        output.PostElement.AppendHtml($"<script src=\"{EngineScript}\" defer></script><script src=\"{Script}\" defer></script>");
        if (!string.IsNullOrEmpty(PickerUrl)) output.PostElement.AppendHtml($"<script src=\"{PickerScript}\" defer></script>");
    }

    private void Labels(TagHelperOutput output, (string Name, string Key)[] labels)
    {
        foreach (var (name, key) in labels)
        {
            output.Attributes.SetAttribute("data-label-" + name, S["RichText." + key].Value);
        }
    }
}
