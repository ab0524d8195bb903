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

    private static TagHelperOutput Render(string? uploadUrl, bool media = false, string? pickerUrl = null)
    {
        var localizer = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider()
            .GetRequiredService<IStringLocalizer<RichTextStrings>>();
        var helper = new RichTextTagHelper(localizer) { UploadUrl = uploadUrl, Media = media, PickerUrl = pickerUrl };
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
        Assert.Equal("Barré", Attribute(output, "data-label-strike"));
        Assert.Equal("Titre", Attribute(output, "data-label-heading"));
        Assert.Equal("Rétablir", Attribute(output, "data-label-redo"));
        Assert.Equal("Retirer le lien", Attribute(output, "data-label-link-remove"));
        Assert.Null(Attribute(output, "data-media"));
        Assert.Null(Attribute(output, "data-label-record"));
        Assert.Null(Attribute(output, "data-picker-url"));
        Assert.Equal(
            "<script src=\"/_content/Preau.Platform/lib/squire/squire.js\" defer></script><script src=\"/_content/Preau.Platform/js/richtext.js\" defer></script>",
            output.PostElement.GetContent());
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

    [Fact]
    public void Media_and_the_picker_add_their_attributes_labels_and_the_picker_script()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("fr-FR");
        try
        {
            var output = Render("/blog/media", media: true, pickerUrl: "/blog/documents");

            Assert.Equal(string.Empty, Attribute(output, "data-media"));
            Assert.Equal("Enregistrer un son", Attribute(output, "data-label-record"));
            Assert.Equal("Arrêter l’enregistrement", Attribute(output, "data-label-stop-recording"));
            Assert.Equal("Le micro n’est pas accessible\u00A0: autorisez-le dans le navigateur.", Attribute(output, "data-label-microphone-denied"));
            Assert.Equal("/blog/documents", Attribute(output, "data-picker-url"));
            Assert.Equal("Insérer un document", Attribute(output, "data-label-document"));
            Assert.EndsWith("<script src=\"/_content/Preau.Platform/js/docpicker.js\" defer></script>", output.PostElement.GetContent(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
