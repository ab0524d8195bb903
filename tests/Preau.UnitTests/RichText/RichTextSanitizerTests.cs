using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Preau.Platform.RichText;

namespace Preau.UnitTests.RichText;

public sealed class RichTextSanitizerTests
{
    private const string Pieces = "/messagerie/pieces/";
    private static readonly RichTextPolicy Policy = RichTextPolicy.WithImages(100_000, Pieces);
    private static readonly RichTextSanitizer Sanitizer = new();

    /// <summary>The allow-list as docs/rich-text.md states it, written out here apart from the code it checks.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["p"] = [], ["br"] = [], ["strong"] = [], ["b"] = [], ["em"] = [], ["i"] = [], ["u"] = [], ["s"] = [],
        ["ul"] = [], ["ol"] = [], ["li"] = [], ["blockquote"] = [], ["h2"] = [], ["h3"] = [],
        ["a"] = ["href", "rel", "target"],
        ["img"] = ["src", "alt"],
    };

    public static TheoryData<string> Payloads => [.. XssCorpus.Payloads];

    [Fact]
    public void The_corpus_holds_at_least_sixty_attacks() =>
        Assert.True(XssCorpus.Payloads.Distinct(StringComparer.Ordinal).Count() >= 60);

    [Theory]
    [MemberData(nameof(Payloads))]
    public void An_attack_comes_out_with_nothing_that_can_run_or_call_out(string payload)
    {
        var result = Sanitizer.Sanitize(payload, Policy);

        AssertOnlyAllowList(result.Html);
        // What was kept is stable: sanitizing it again, or a browser parsing it again, changes nothing.
        Assert.Equal(result.Html, Sanitizer.Sanitize(result.Html, Policy).Html);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Rendering_an_attack_saved_as_it_came_is_as_safe(string payload)
    {
        var html = Sanitizer.RenderSafe(payload, Policy).ToString()!;

        AssertOnlyAllowList(html);
    }

    [Fact]
    public void Formatting_is_kept()
    {
        const string html = "<h2>Titre</h2><h3>Sous-titre</h3><p><strong>gras</strong> <b>b</b> <em>italique</em> <i>i</i> "
            + "<u>souligné</u> <s>barré</s><br>ligne</p><ul><li>un</li></ul><ol><li>deux</li></ol><blockquote><p>cité</p></blockquote>";

        var result = Sanitizer.Sanitize(html, Policy);

        Assert.Equal(html, result.Html);
        Assert.False(result.IsEmpty);
        Assert.False(result.IsTooLong);
    }

    [Fact]
    public void Links_open_apart_without_referrer_nor_credit()
    {
        var result = Sanitizer.Sanitize("<p><a href=\"https://example.org/a?b=1&amp;c=2\" target=\"_self\" rel=\"opener\" title=\"t\">site</a> "
            + "<a href=\"mailto:vie.scolaire@example.org\">écrire</a> <a href=\"http://example.org\">http</a></p>", Policy);

        var links = Parse(result.Html).QuerySelectorAll("a");
        Assert.Equal(["https://example.org/a?b=1&c=2", "mailto:vie.scolaire@example.org", "http://example.org"], links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a =>
        {
            Assert.Equal("noopener noreferrer nofollow", a.GetAttribute("rel"));
            Assert.Equal("_blank", a.GetAttribute("target"));
            Assert.Equal(3, a.Attributes.Length);
        });
    }

    [Fact]
    public void A_link_to_an_unsafe_address_keeps_its_words_only()
    {
        var result = Sanitizer.Sanitize("<p>voir <a href=\"javascript:alert(1)\">ici</a> et <a href=\"/interne\">là</a></p>", Policy);

        Assert.Equal("<p>voir ici et là</p>", result.Html);
    }

    [Fact]
    public void Images_under_an_allowed_prefix_are_kept_with_their_text()
    {
        var result = Sanitizer.Sanitize("<p><img src=\"/messagerie/pieces/3f2a-9c.png\" alt=\" Plan \" width=\"9000\" title=\"t\"></p>", Policy);

        Assert.Equal("<p><img src=\"/messagerie/pieces/3f2a-9c.png\" alt=\"Plan\"></p>", result.Html);
        Assert.False(result.IsEmpty);
        Assert.Equal("Plan", result.PlainText);
    }

    [Theory]
    [InlineData("https://example.org/messagerie/pieces/a.png")]
    [InlineData("//example.org/messagerie/pieces/a.png")]
    [InlineData("/blog/images/a.png")]
    [InlineData("/messagerie/pieces/")]
    [InlineData("/messagerie/pieces/../../compte")]
    [InlineData("/messagerie/pieces/a%2F..%2Fb")]
    [InlineData("messagerie/pieces/a.png")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    public void Foreign_images_are_dropped(string src)
    {
        var result = Sanitizer.Sanitize($"<p>avant<img src=\"{src}\" alt=\"x\">après</p>", Policy);

        Assert.Equal("<p>avantaprès</p>", result.Html);
    }

    [Fact]
    public void A_policy_without_prefixes_keeps_no_image()
    {
        var result = Sanitizer.Sanitize("<p><img src=\"/messagerie/pieces/a.png\" alt=\"\"></p>", RichTextPolicy.TextOnly(1000));

        Assert.True(result.IsEmpty);
        Assert.Equal(string.Empty, result.Html);
    }

    [Fact]
    public void Pasted_divs_and_other_headings_become_the_kept_blocks()
    {
        var result = Sanitizer.Sanitize("<div>un</div><div><br></div><div>deux <span style=\"color:red\">rouge</span></div><h1>Grand</h1><h5>Petit</h5>"
            + "<div><p>dans</p></div><table><tr><td>cellule</td></tr></table>", Policy);

        Assert.Equal("<p>un</p><p><br></p><p>deux rouge</p><h2>Grand</h2><h3>Petit</h3><p>dans</p>cellule", result.Html);
    }

    [Fact]
    public void The_plain_text_has_one_line_per_block_and_break()
    {
        var result = Sanitizer.Sanitize("<h2>Sortie</h2><p>Bonjour,<br>la sortie  a lieu <strong>jeudi</strong>.</p><ul><li>pique-nique</li><li>bottes</li></ul>"
            + "<p>&lt;pas une balise&gt; &amp; <a href=\"https://example.org\">le plan</a></p><script>alert(1)</script>", Policy);

        Assert.Equal("Sortie\nBonjour,\nla sortie a lieu jeudi.\npique-nique\nbottes\n<pas une balise> & le plan", result.PlainText);
        Assert.Equal("Sortie Bonjour, la sortie a lieu…", result.Preview(34));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<p></p>")]
    [InlineData("<p><br></p>")]
    [InlineData("<p>&nbsp;</p>")]
    [InlineData("<script>alert(1)</script>")]
    public void Nothing_to_read_is_empty(string? html)
    {
        var result = Sanitizer.Sanitize(html, Policy);

        Assert.True(result.IsEmpty);
        Assert.Same(Preau.Platform.RichText.RichText.Empty, result);
    }

    [Fact]
    public void Markup_over_the_limit_is_flagged_and_far_over_is_not_parsed()
    {
        var policy = RichTextPolicy.TextOnly(20);

        var over = Sanitizer.Sanitize("<p>vingt et un caractères de trop</p>", policy);
        var farOver = Sanitizer.Sanitize("<p>" + new string('a', 10_000) + "</p>", policy);

        Assert.True(over.IsTooLong);
        Assert.Equal("<p>vingt et un caractères de trop</p>", over.Html);
        Assert.True(farOver.IsTooLong);
        Assert.Equal(string.Empty, farOver.Html);
        Assert.False(Sanitizer.Sanitize("<p>court</p>", policy).IsTooLong);
    }

    [Fact]
    public void Rendering_ignores_the_saving_limit()
    {
        var html = "<p>" + new string('a', 500) + "</p>";

        Assert.Equal(html, Sanitizer.RenderSafe(html, RichTextPolicy.TextOnly(20)).ToString());
    }

    [Fact]
    public void Plain_text_becomes_escaped_paragraphs_with_line_breaks()
    {
        var result = RichTextSanitizer.FromPlainText("Bonjour <b>Léa</b> & co,\r\nà demain.\r\n\r\n\r\n<script>alert(\"x\")</script>\n");

        Assert.Equal("<p>Bonjour &lt;b&gt;Léa&lt;/b&gt; &amp; co,<br>à demain.</p><p>&lt;script&gt;alert(\"x\")&lt;/script&gt;</p>", result.Html);
        Assert.Equal("Bonjour <b>Léa</b> & co,\nà demain.\n<script>alert(\"x\")</script>", result.PlainText);
        AssertOnlyAllowList(result.Html);
        Assert.Equal(result.Html, Sanitizer.Sanitize(result.Html, Policy).Html);
        Assert.Same(Preau.Platform.RichText.RichText.Empty, RichTextSanitizer.FromPlainText(" \n\n "));
    }

    [Fact]
    public void A_post_is_markup_from_the_editor_or_text_from_a_plain_textarea()
    {
        var fromEditor = Sanitizer.FromPost("<p>Bonjour <b>Léa</b><img src=x onerror=alert(1)></p>", Policy);
        var fromTextarea = Sanitizer.FromPost("Bonjour Léa & Hugo\n\nÀ demain", Policy);
        var tooLong = Sanitizer.FromPost(new string('a', 30), RichTextPolicy.TextOnly(20));

        Assert.Equal("<p>Bonjour <b>Léa</b></p>", fromEditor.Html);
        Assert.Equal("<p>Bonjour Léa &amp; Hugo</p><p>À demain</p>", fromTextarea.Html);
        Assert.True(tooLong.IsTooLong);
        Assert.True(Sanitizer.FromPost(null, Policy).IsEmpty);
    }

    [Theory]
    [InlineData("https://example.org/a", true)]
    [InlineData("http://example.org", true)]
    [InlineData("mailto:a@example.org", true)]
    [InlineData("HTTPS://EXAMPLE.ORG", true)]
    [InlineData("https:/example.org", false)]
    [InlineData("https:example.org", false)]
    [InlineData("ftp://example.org", false)]
    [InlineData(" https://example.org", false)]
    [InlineData("https://exa mple.org", false)]
    [InlineData("/chemin", false)]
    public void Link_addresses(string href, bool safe) => Assert.Equal(safe, RichTextSanitizer.IsSafeLink(href));

    /// <summary>Every node of the output, parsed as a browser would, against the allow-list; every address against its rule.</summary>
    private static void AssertOnlyAllowList(string html)
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

            if (element.LocalName == "a")
            {
                var href = element.GetAttribute("href");
                Assert.NotNull(href);
                Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var uri), href);
                Assert.Contains(uri.Scheme, (string[])["http", "https", "mailto"]);
                Assert.Equal("noopener noreferrer nofollow", element.GetAttribute("rel"));
                Assert.Equal("_blank", element.GetAttribute("target"));
            }

            if (element.LocalName == "img")
            {
                var src = element.GetAttribute("src")!;
                Assert.StartsWith(Pieces, src, StringComparison.Ordinal);
                Assert.DoesNotContain("..", src, StringComparison.Ordinal);
                Assert.DoesNotContain(":", src, StringComparison.Ordinal);
            }
        }
    }

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument("<!doctype html><html><body>" + html);

    [Fact]
    public void What_a_text_rendered_to_is_kept_per_policy_and_never_mixed_up()
    {
        // The renderer keeps its results: the same text under two policies must still render each its own way.
        const string text = "<p>Voir <img src=\"/messagerie/pieces/fiche.png\" alt=\"fiche\"><script>alert(1)</script></p>";
        var textOnly = RichTextPolicy.TextOnly(100_000);
        for (var i = 0; i < 3; i++)
        {
            var withImages = Sanitizer.RenderMarkup(text, Policy);
            var plain = Sanitizer.RenderMarkup(text, textOnly);
            Assert.Contains("<img src=\"/messagerie/pieces/fiche.png\"", withImages, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", plain, StringComparison.Ordinal);
            Assert.DoesNotContain("script", withImages + plain, StringComparison.Ordinal);
        }

        // A changed text is rendered again, not served from what the old one gave.
        Assert.Contains("autre", Sanitizer.RenderMarkup(text.Replace("Voir", "Voir autre", StringComparison.Ordinal), Policy), StringComparison.Ordinal);
        Assert.Equal(string.Empty, Sanitizer.RenderMarkup(null, Policy));
    }
}
