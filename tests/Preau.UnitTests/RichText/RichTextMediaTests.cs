using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Preau.Platform.RichText;

namespace Preau.UnitTests.RichText;

/// <summary>
/// A policy that opts in to recordings and document links (<see cref="RichTextPolicy.WithMedia"/>):
/// audio and video only from its prefixes, always with controls and nothing inside; links to its
/// documents as site paths. A policy that does not opt in keeps none of it.
/// </summary>
public sealed class RichTextMediaTests
{
    private const string Media = "/blog/media/";
    private static readonly RichTextPolicy WithMedia = RichTextPolicy.WithMedia(100_000, Media);
    private static readonly RichTextPolicy ImagesOnly = RichTextPolicy.WithImages(100_000, Media);
    private static readonly RichTextSanitizer Sanitizer = new();

    /// <summary>The media allow-list as docs/rich-text.md states it, apart from the code it checks.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["p"] = [], ["br"] = [], ["strong"] = [], ["b"] = [], ["em"] = [], ["i"] = [], ["u"] = [], ["s"] = [],
        ["ul"] = [], ["ol"] = [], ["li"] = [], ["blockquote"] = [], ["h2"] = [], ["h3"] = [],
        ["a"] = ["href", "rel", "target"],
        ["img"] = ["src", "alt"],
        ["audio"] = ["src", "controls"],
        ["video"] = ["src", "controls", "poster"],
    };

    /// <summary>Attacks through recordings and links, each meant to run script or load from elsewhere.</summary>
    public static readonly TheoryData<string> Attacks =
    [
        "<audio src=\"javascript:alert(1)\" controls></audio>",
        "<video src=\"javascript:alert(1)\"></video>",
        "<audio src=\"data:audio/webm;base64,GkXfow==\"></audio>",
        "<video src=\"data:video/mp4;base64,AAAA\" poster=\"data:image/png;base64,iVBORw0KGgo=\"></video>",
        "<audio src=\"https://evil.example/a.webm\"></audio>",
        "<video src=\"//evil.example/v.mp4\"></video>",
        "<video src=\"/autre/v.mp4\"></video>",
        "<audio src=\"/blog/media/../../admin/a.webm\"></audio>",
        "<audio src=\"/blog/media/a.webm\" onerror=\"alert(1)\" onplay=alert(1) autoplay loop></audio>",
        "<video src=\"/blog/media/v.mp4\" poster=\"https://tracker.example/p.png\" onloadstart=alert(1)></video>",
        "<video src=\"/blog/media/v.mp4\" poster=\"javascript:alert(1)\"></video>",
        "<video src=\"/blog/media/v.mp4\" srcset=\"https://evil.example/v.mp4\" crossorigin=use-credentials></video>",
        "<video src=\"/blog/media/v.mp4\"><source src=\"https://evil.example/v.mp4\" onerror=alert(1)></video>",
        "<audio><source src=\"/blog/media/a.webm\"><source src=\"javascript:alert(1)\"></audio>",
        "<video src=\"/blog/media/v.mp4\"><track kind=subtitles src=\"https://evil.example/t.vtt\" default></video>",
        "<video src=\"/blog/media/v.mp4\"><svg><script>alert(1)</script></svg></video>",
        "<video src=\"/blog/media/v.mp4\"><svg><animate onbegin=alert(1) attributeName=x dur=1s></svg></video>",
        "<video src=\"/blog/media/v.mp4\"><img src=x onerror=alert(1)></video>",
        "<video src=\"/blog/media/v.mp4\"><math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math></video>",
        "<audio src=\"/blog/media/a.webm\"><noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript></audio>",
        "<svg><video src=\"/blog/media/v.mp4\"></video></svg>",
        "<math><audio src=\"/blog/media/a.webm\"></audio></math>",
        "<form><math><mtext></form><form><mglyph><video src=\"/blog/media/v.mp4\"><style></math><img src=x onerror=alert(1)>",
        "<a href=\"/blog/media/../../deconnexion\">x</a>",
        "<a href=\"//evil.example/blog/media/d\">x</a>",
        "<a href=\"/\\evil.example/\">x</a>",
        "<a href=\"/blog/media/doc&#x0A;javascript:alert(1)\">x</a>",
        "<a href=\"/blog/mediaX/doc\">x</a>",
        "<a href=\"blog/media/doc\">x</a>",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void A_media_attack_comes_out_with_nothing_that_can_run_or_call_out(string payload)
    {
        var result = Sanitizer.Sanitize(payload, WithMedia);

        AssertOnlyMediaAllowList(result.Html);
        Assert.Equal(result.Html, Sanitizer.Sanitize(result.Html, WithMedia).Html);
        AssertOnlyMediaAllowList(Sanitizer.RenderMarkup(payload, WithMedia));
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public void A_policy_that_does_not_opt_in_keeps_no_recording_nor_site_link(string payload)
    {
        var html = Sanitizer.Sanitize(payload, ImagesOnly).Html;

        var body = Parse(html).Body!;
        Assert.Empty(body.QuerySelectorAll("audio, video, source, track, svg, math"));
        Assert.All(body.QuerySelectorAll("a"), a => Assert.True(RichTextSanitizer.IsSafeLink(a.GetAttribute("href"))));
    }

    [Fact]
    public void Recordings_under_the_prefix_are_kept_with_controls_and_nothing_else()
    {
        var html = Sanitizer.Sanitize(
            "<p>Écoutez :</p><audio src=\"/blog/media/a1.webm\" autoplay preload=auto class=x>Votre navigateur…</audio>"
            + "<video src=\"/blog/media/v1.mp4\" poster=\"/blog/media/v1.jpg\" width=9000 muted></video>", WithMedia).Html;

        Assert.Equal(
            "<p>Écoutez :</p><audio src=\"/blog/media/a1.webm\" controls=\"\"></audio>"
            + "<video src=\"/blog/media/v1.mp4\" poster=\"/blog/media/v1.jpg\" controls=\"\"></video>", html);
    }

    [Theory]
    [InlineData("<audio src=\"/blog/media/a.webm\"></audio>")]
    [InlineData("<video src=\"/blog/media/v.mp4\"></video>")]
    public void A_recording_alone_is_not_empty(string html)
    {
        var result = Sanitizer.Sanitize(html, WithMedia);

        Assert.False(result.IsEmpty);
        Assert.True(Sanitizer.Sanitize(html, ImagesOnly).IsEmpty);
    }

    [Fact]
    public void A_poster_from_elsewhere_goes_and_the_video_stays()
    {
        var html = Sanitizer.Sanitize("<video src=\"/blog/media/v.mp4\" poster=\"https://tracker.example/p.png\"></video>", WithMedia).Html;

        Assert.Equal("<video src=\"/blog/media/v.mp4\" controls=\"\"></video>", html);
    }

    [Fact]
    public void A_recording_keeps_none_of_its_children()
    {
        var html = Sanitizer.Sanitize(
            "<video src=\"/blog/media/v.mp4\"><source src=\"/blog/media/v.webm\"><track src=\"/blog/media/t.vtt\"><p>Texte de repli</p></video>", WithMedia).Html;

        Assert.Equal("<video src=\"/blog/media/v.mp4\" controls=\"\"></video>", html);
    }

    [Fact]
    public void A_link_to_a_document_under_the_prefix_is_kept_and_opens_apart()
    {
        var html = Sanitizer.Sanitize("<p><a href=\"/blog/media/documents/42?v=3\" onclick=alert(1)>Le programme</a></p>", WithMedia).Html;

        Assert.Equal("<p><a href=\"/blog/media/documents/42?v=3\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">Le programme</a></p>", html);
    }

    [Fact]
    public void Without_the_option_a_site_link_keeps_its_words_only()
    {
        var html = Sanitizer.Sanitize("<p><a href=\"/blog/media/documents/42\">Le programme</a></p>", ImagesOnly).Html;

        Assert.Equal("<p>Le programme</p>", html);
    }

    [Fact]
    public void Absolute_links_are_kept_as_before_with_the_option()
    {
        var html = Sanitizer.Sanitize("<a href=\"https://example.org/a\">a</a> <a href=\"mailto:x@example.org\">b</a>", WithMedia).Html;

        Assert.Contains("href=\"https://example.org/a\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:x@example.org\"", html, StringComparison.Ordinal);
    }

    private static void AssertOnlyMediaAllowList(string html)
    {
        var document = new HtmlParser().ParseDocument("<!doctype html><html><head></head><body>" + html);
        Assert.Empty(document.Head!.ChildNodes);
        foreach (var node in document.Body!.Descendants())
        {
            Assert.False(node is IComment, $"A comment is left: {html}");
            if (node is not IElement element) continue;
            Assert.Equal(NamespaceNames.HtmlUri, element.NamespaceUri);
            Assert.True(Allowed.TryGetValue(element.LocalName, out var attributes), $"<{element.LocalName}> is not allowed: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, attributes);
                Assert.DoesNotContain("script", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }

            switch (element.LocalName)
            {
                case "audio" or "video":
                    Assert.True(element.HasAttribute("controls"), html);
                    Assert.Empty(element.ChildNodes);
                    AssertUnderPrefix(element.GetAttribute("src"));
                    if (element.HasAttribute("poster")) AssertUnderPrefix(element.GetAttribute("poster"));
                    break;
                case "img":
                    AssertUnderPrefix(element.GetAttribute("src"));
                    break;
                case "a":
                    var href = element.GetAttribute("href");
                    Assert.NotNull(href);
                    if (href.StartsWith('/')) AssertUnderPrefix(href);
                    else Assert.True(RichTextSanitizer.IsSafeLink(href), href);
                    Assert.Equal("noopener noreferrer nofollow", element.GetAttribute("rel"));
                    break;
            }
        }
    }

    private static void AssertUnderPrefix(string? path)
    {
        Assert.NotNull(path);
        Assert.StartsWith(Media, path, StringComparison.Ordinal);
        Assert.DoesNotContain("..", path, StringComparison.Ordinal);
        Assert.DoesNotContain("//", path, StringComparison.Ordinal);
        Assert.DoesNotContain(":", path, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", path, StringComparison.Ordinal);
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument("<!doctype html><html><body>" + html);
}
