using System.Collections.Frozen;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Preau.Platform.RichText;

/// <summary>
/// The one gate rich text passes on its way in (before a use case saves it) and on its way out
/// (<see cref="RenderSafe"/>, when a view writes it). An allow-list on HtmlSanitizer: paragraphs,
/// line breaks, bold, italic, underline, strike, lists, quotes, two heading levels, links
/// (http, https, mailto; opened apart, no referrer, no follow) and images from the site paths the
/// <see cref="RichTextPolicy"/> names; for a policy that opts in, audio and video from those paths
/// and links to documents under them. Nothing else: no style, class, id, event handler, form,
/// frame, SVG, MathML nor comment. See docs/rich-text.md.
/// </summary>
public sealed class RichTextSanitizer : IDisposable
{
    /// <summary>The elements kept, each with the only attributes it may carry.</summary>
    public static readonly FrozenDictionary<string, FrozenSet<string>> AllowList = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
    {
        ["p"] = FrozenSet<string>.Empty, ["br"] = FrozenSet<string>.Empty,
        ["strong"] = FrozenSet<string>.Empty, ["b"] = FrozenSet<string>.Empty,
        ["em"] = FrozenSet<string>.Empty, ["i"] = FrozenSet<string>.Empty,
        ["u"] = FrozenSet<string>.Empty, ["s"] = FrozenSet<string>.Empty,
        ["ul"] = FrozenSet<string>.Empty, ["ol"] = FrozenSet<string>.Empty, ["li"] = FrozenSet<string>.Empty,
        ["blockquote"] = FrozenSet<string>.Empty, ["h2"] = FrozenSet<string>.Empty, ["h3"] = FrozenSet<string>.Empty,
        ["a"] = new[] { "href", "rel", "target" }.ToFrozenSet(StringComparer.Ordinal),
        ["img"] = new[] { "src", "alt" }.ToFrozenSet(StringComparer.Ordinal),
        // Only for a policy that opts in (RichTextPolicy.AllowsMedia); any other drops them with their content.
        ["audio"] = new[] { "src", "controls" }.ToFrozenSet(StringComparer.Ordinal),
        ["video"] = new[] { "src", "controls", "poster" }.ToFrozenSet(StringComparer.Ordinal),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The schemes a link may use.</summary>
    public static readonly FrozenSet<string> LinkSchemes = new[] { "http", "https", "mailto" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What every kept link carries: a new tab, no window.opener, no referrer, no search-engine credit.</summary>
    public const string LinkRel = "noopener noreferrer nofollow";

    /// <summary>Elements removed with everything inside them: their content is code, a document of its own, or foreign markup.</summary>
    private const string DroppedWithContent =
        "script, style, template, noscript, iframe, frame, frameset, object, embed, applet, svg, math, "
        + "textarea, select, option, title, head, xmp, noembed, noframes, plaintext, canvas, "
        + "source, track, map, link, meta, base, portal, dialog, input, button";

    /// <summary>Media: dropped with their content unless the policy keeps them, and then always emptied.</summary>
    private const string Media = "audio, video";

    /// <summary>Elements whose inner text ends a line in the plain text.</summary>
    private static readonly FrozenSet<string> Blocks = new[] { "p", "li", "blockquote", "h2", "h3", "ul", "ol" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Block elements a pasted &lt;div&gt; may hold, in which case it is unwrapped rather than made a paragraph.</summary>
    private static readonly FrozenSet<string> BlockChildren =
        new[] { "p", "div", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "section", "article", "header", "footer" }
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Input far over a policy's limit is refused before it is parsed.</summary>
    private const int ParseFactor = 4;

    /// <summary>How much markup the renderer keeps, in characters (read and written): about 32 MB.</summary>
    private const long RenderedChars = 16L * 1024 * 1024;

    /// <summary>Longer texts are sanitized at each render rather than kept.</summary>
    private const int RenderedMaxLength = 64 * 1024;

    private readonly HtmlSanitizer _sanitizer;

    /// <summary>
    /// What a stored text rendered to, by policy and text: a list page shows the same homework, posts
    /// and messages to many readers, and sanitizing (parsing the markup as a document) cost most of
    /// its time. The key is the whole stored text, so a changed text is sanitized again.
    /// </summary>
    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = RenderedChars });

    public RichTextSanitizer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = AllowList.Keys.ToHashSet(StringComparer.Ordinal),
            AllowedAttributes = AllowList.Values.SelectMany(a => a).ToHashSet(StringComparer.Ordinal),
            AllowedSchemes = LinkSchemes.ToHashSet(StringComparer.Ordinal),
            UriAttributes = new HashSet<string>(["href", "src", "poster"], StringComparer.Ordinal),
            AllowedCssProperties = new HashSet<string>(StringComparer.Ordinal),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        })
        {
            KeepChildNodes = true,
            AllowDataAttributes = false,
        };
    }

    /// <summary>
    /// The allow-listed part of <paramref name="html"/> (an editor's output, a paste, or anything
    /// a client posted) with its plain text. Never throws on markup; a null or blank input is
    /// <see cref="RichText.Empty"/>.
    /// </summary>
    public RichText Sanitize(string? html, RichTextPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrWhiteSpace(html)) return RichText.Empty;
        if (html.Length > (long)policy.MaxLength * ParseFactor + 1024) return new RichText(string.Empty, string.Empty, IsTooLong: true);

        using var dom = _sanitizer.HtmlParserFactory().ParseDocument("<!doctype html><html><body>" + html);
        var body = dom.Body;
        if (body is null) return RichText.Empty;

        Prepare(dom, body, policy);
        _sanitizer.SanitizeDom(dom, body);
        Enforce(body, policy);

        var markup = body.ChildNodes.ToHtml(_sanitizer.OutputFormatter).Trim();
        var text = PlainTextOf(body);
        var result = new RichText(markup, text, markup.Length > policy.MaxLength);
        return result.IsEmpty && !result.IsTooLong ? RichText.Empty : result;
    }

    /// <summary>
    /// What a form's rich-text field posted: the editor's markup (it always starts with an
    /// element) is sanitized, a plain textarea's text (JavaScript off, no <c>&lt;</c> in it)
    /// becomes paragraphs. Either way <see cref="RichText.IsTooLong"/> is set against the policy.
    /// </summary>
    public RichText FromPost(string? value, RichTextPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (value is not null && value.Contains('<', StringComparison.Ordinal)) return Sanitize(value, policy);
        var text = FromPlainText(value);
        return text.Html.Length > policy.MaxLength ? text with { IsTooLong = true } : text;
    }

    /// <summary>
    /// Markup read back from storage, sanitized again and ready for a view: <c>@Sanitizer.RenderSafe(message.Body, policy)</c>.
    /// Rendering never trusts what was saved (an older allow-list, a bug, a restored backup).
    /// </summary>
    public IHtmlContent RenderSafe(string? html, RichTextPolicy policy) => new HtmlString(RenderMarkup(html, policy));

    /// <summary>The same as <see cref="RenderSafe"/>, as markup for an API's answer.</summary>
    public string RenderMarkup(string? html, RichTextPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var key = (policy, html);
        if (_rendered.TryGetValue(key, out string? kept) && kept is not null)
        {
            return kept;
        }

        var markup = Sanitize(html, policy with { MaxLength = int.MaxValue / ParseFactor - 1024 }).Html;
        if (html.Length <= RenderedMaxLength)
        {
            _rendered.Set(key, markup, new MemoryCacheEntryOptions { Size = html.Length + markup.Length, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return markup;
    }

    public void Dispose() => _rendered.Dispose();

    /// <summary>
    /// A plain textarea's text (JavaScript off, or a client that sends text) as rich text: each
    /// run of text between blank lines a paragraph, single line breaks kept as &lt;br&gt;, every
    /// character escaped.
    /// </summary>
    public static RichText FromPlainText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return RichText.Empty;
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var html = new StringBuilder();
        var plain = new StringBuilder();
        foreach (var paragraph in normalized.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = paragraph.Split('\n', StringSplitOptions.TrimEntries);
            html.Append("<p>").AppendJoin("<br>", lines.Select(EncodeText)).Append("</p>");
            if (plain.Length > 0) plain.Append('\n');
            plain.AppendJoin('\n', lines);
        }

        return html.Length == 0 ? RichText.Empty : new RichText(html.ToString(), plain.ToString());
    }

    /// <summary>Text as an HTML serializer writes it in an element: only &amp;, &lt; and &gt; escaped, accents as they are.</summary>
    private static string EncodeText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);

    /// <summary>Before the allow-list: what goes with its content, and what pasted markup means in allowed words.</summary>
    private static void Prepare(IHtmlDocument dom, IElement body, RichTextPolicy policy)
    {
        foreach (var element in body.QuerySelectorAll(DroppedWithContent).ToList())
        {
            element.Remove();
        }

        // A recording is its src: its children (<source>, <track>, fallback markup) never stay.
        foreach (var element in body.QuerySelectorAll(Media).ToList())
        {
            if (policy.AllowsMedia) element.InnerHtml = string.Empty;
            else element.Remove();
        }

        // Editors and pasted pages write lines as <div>s and titles as <h1>…<h6>: paragraphs and the two kept levels.
        foreach (var element in body.QuerySelectorAll("div, h1, h4, h5, h6").Reverse().ToList())
        {
            var name = element.LocalName;
            if (name == "div" && element.Children.Any(c => BlockChildren.Contains(c.LocalName))) continue;
            Rename(dom, element, name switch { "div" => "p", "h1" => "h2", _ => "h3" });
        }
    }

    private static void Rename(IHtmlDocument dom, IElement element, string name)
    {
        var replacement = dom.CreateElement(name);
        while (element.FirstChild is { } child)
        {
            replacement.AppendChild(child);
        }

        element.Replace(replacement);
    }

    /// <summary>After the allow-list: each element's own attributes, link targets and image sources.</summary>
    private static void Enforce(IElement body, RichTextPolicy policy)
    {
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (!AllowList.TryGetValue(element.LocalName, out var attributes) || element.NamespaceUri != NamespaceNames.HtmlUri)
            {
                Unwrap(element);
                continue;
            }

            foreach (var attribute in element.Attributes.ToList())
            {
                if (!attributes.Contains(attribute.Name)) element.RemoveAttribute(attribute.NamespaceUri, attribute.LocalName);
            }

            switch (element.LocalName)
            {
                case "a" when !IsSafeLink(element.GetAttribute("href")) && !policy.AllowsDocumentLink(element.GetAttribute("href") ?? string.Empty):
                    Unwrap(element);
                    break;
                case "a":
                    element.SetAttribute("rel", LinkRel);
                    element.SetAttribute("target", "_blank");
                    break;
                case "img" when !policy.AllowsImage(element.GetAttribute("src") ?? string.Empty):
                    element.Remove();
                    break;
                case "img":
                    element.SetAttribute("alt", (element.GetAttribute("alt") ?? string.Empty).Trim());
                    break;
                case "audio" or "video" when !policy.AllowsMediaSource(element.GetAttribute("src") ?? string.Empty):
                    element.Remove();
                    break;
                case "audio" or "video":
                    element.SetAttribute("controls", string.Empty);
                    if (element.GetAttribute("poster") is { } poster && !policy.AllowsMediaSource(poster)) element.RemoveAttribute("poster");
                    while (element.FirstChild is { } child) element.RemoveChild(child);
                    break;
            }
        }
    }

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent;
        if (parent is null) return;
        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }

        element.Remove();
    }

    /// <summary>An absolute http(s) or mailto address, with no space or control character that a browser would skip over.</summary>
    public static bool IsSafeLink(string? href)
    {
        if (string.IsNullOrEmpty(href) || href.Length > 2048) return false;
        foreach (var c in href)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c is '\\' or '<' or '>' or '"' or '`') return false;
        }

        return Uri.TryCreate(href, UriKind.Absolute, out var uri)
            && LinkSchemes.Contains(uri.Scheme)
            && href.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase)
            && (uri.Scheme == "mailto" || (uri.Host.Length > 0 && href.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The words, one line per block or line break, spaces folded, no blank line.</summary>
    private static string PlainTextOf(IElement body)
    {
        var text = new StringBuilder();
        Walk(body, text);
        var lines = text.ToString().Split('\n')
            .Select(line => string.Join(' ', line.Split((char[])[' ', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data.Replace('\n', ' '));
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement { LocalName: "img" } img:
                    text.Append(img.GetAttribute("alt"));
                    break;
                case IElement element:
                    Walk(element, text);
                    if (Blocks.Contains(element.LocalName)) text.Append('\n');
                    break;
            }
        }
    }
}
