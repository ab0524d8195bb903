using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Preau.Platform.Resources;
using Preau.Platform.RichText;

namespace Preau.UnitTests.RichText;

/// <summary>The editor's contract as the tag helper writes it on a textarea (docs/rich-text.md), in both languages.</summary>
public sealed class RichTextTagHelperTests
{
    private static TagHelperOutput Render(string culture, string? uploadUrl)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return Render(uploadUrl);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static TagHelperOutput Render(string? uploadUrl)
    {
        var localizer = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider()
            .GetRequiredService<IStringLocalizer<RichTextStrings>>();
        var helper = new RichTextTagHelper(localizer) { UploadUrl = uploadUrl };
        var attributes = new TagHelperAttributeList { { "preau-richtext", string.Empty }, { "name", "Body" } };
        var context = new TagHelperContext("textarea", attributes, new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("textarea", attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(context, output);
        return output;
    }

    private static string? Attribute(TagHelperOutput output, string name) =>
        output.Attributes.TryGetAttribute(name, out var attribute) ? attribute.Value?.ToString() : null;

    [Fact]
    public void The_textarea_gets_the_marker_the_french_labels_and_the_script()
    {
        var output = Render("fr-FR", "/messagerie/pieces");

        Assert.False(output.Attributes.ContainsName("preau-richtext"));
        Assert.Equal(string.Empty, Attribute(output, "data-richtext"));
        Assert.Equal("Body", Attribute(output, "name"));
        Assert.Equal("Mise en forme", Attribute(output, "data-label-toolbar"));
        Assert.Equal("Gras", Attribute(output, "data-label-bold"));
        Assert.Equal("Italique", Attribute(output, "data-label-italic"));
        Assert.Equal("Souligné", Attribute(output, "data-label-underline"));
        Assert.Equal("Liste à puces", Attribute(output, "data-label-bullets"));
        Assert.Equal("Liste numérotée", Attribute(output, "data-label-numbers"));
        Assert.Equal("Lien", Attribute(output, "data-label-link"));
        Assert.Equal("Citation", Attribute(output, "data-label-quote"));
        Assert.Equal("Effacer la mise en forme", Attribute(output, "data-label-clear"));
        Assert.Equal("/messagerie/pieces", Attribute(output, "data-upload-url"));
        Assert.Equal("Image", Attribute(output, "data-label-image"));
        Assert.Equal("L’image n’a pas pu être envoyée.", Attribute(output, "data-label-upload-failed"));
        Assert.Equal("<script src=\"/_content/Preau.Platform/js/richtext.js\" defer></script>", output.PostElement.GetContent());
    }

    [Fact]
    public void Without_an_upload_address_there_is_no_image_and_english_reads_english()
    {
        var output = Render("en", null);

        Assert.Equal("Bold", Attribute(output, "data-label-bold"));
        Assert.Equal("Clear formatting", Attribute(output, "data-label-clear"));
        Assert.Null(Attribute(output, "data-upload-url"));
        Assert.Null(Attribute(output, "data-label-image"));
    }
}
