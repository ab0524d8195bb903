using Microsoft.AspNetCore.Html;

namespace Preau.Platform.RichText;

/// <summary>
/// A piece of rich text that went through <see cref="RichTextSanitizer"/>: its <see cref="Html"/>
/// holds only the allow-list (docs/rich-text.md), its <see cref="PlainText"/> the words for
/// search, previews, notifications and the text part of e-mails.
/// </summary>
/// <param name="Html">The sanitized markup; what a use case saves.</param>
/// <param name="PlainText">The text alone: one line per paragraph, list item or line break, no markup.</param>
/// <param name="IsTooLong">
/// The markup is longer than the policy allows: the use case refuses it (a validation error)
/// and saves nothing. When the input was far over the limit it was not even parsed, and
/// <see cref="Html"/> is empty.
/// </param>
public sealed record RichText(string Html, string PlainText, bool IsTooLong = false)
{
    public static readonly RichText Empty = new(string.Empty, string.Empty);

    /// <summary>Nothing to read: no text, no image and no recording (an empty paragraph or a lone line break count as nothing).</summary>
    public bool IsEmpty => PlainText.Length == 0 && !Html.Contains("<img", StringComparison.Ordinal)
        && !Html.Contains("<audio", StringComparison.Ordinal) && !Html.Contains("<video", StringComparison.Ordinal);

    /// <summary>
    /// The markup as Razor content, written as it is. Only for a value that was just sanitized;
    /// markup read back from the database goes through <see cref="RichTextSanitizer.RenderSafe"/>.
    /// </summary>
    public IHtmlContent ToHtmlContent() => new HtmlString(Html);

    /// <summary>A short preview of the text: at most <paramref name="length"/> characters, on one line, cut at a word with an ellipsis.</summary>
    public string Preview(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        var text = string.Join(' ', PlainText.Split((char[])['\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= length) return text;
        var cut = text.LastIndexOf(' ', length - 1);
        return string.Concat(text.AsSpan(0, cut > length / 2 ? cut : length - 1), "…");
    }
}
