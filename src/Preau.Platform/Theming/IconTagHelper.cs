using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Preau.Platform.Theming;

/// <summary><c>&lt;icon name="home" /&gt;</c>: a decorative pictogram from the shell's sprite.</summary>
[HtmlTargetElement("icon", TagStructure = TagStructure.WithoutEndTag)]
public sealed class IconTagHelper : TagHelper
{
    public const string Sprite = "/_content/Preau.Platform/icons/icons.svg";

    public required string Name { get; set; }

    public string? Class { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "svg";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", string.IsNullOrEmpty(Class) ? "icon" : "icon " + Class);
        output.Attributes.SetAttribute("aria-hidden", "true");
        output.Attributes.SetAttribute("focusable", "false");
        output.Content.SetHtmlContent($"<use href=\"{Sprite}#{System.Net.WebUtility.HtmlEncode(Name)}\"></use>");
    }
}
