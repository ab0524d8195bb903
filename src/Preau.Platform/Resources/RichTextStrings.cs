namespace Preau.Platform.Resources;

/// <summary>Marker for the rich-text editor's strings (RichTextStrings.resx: French; RichTextStrings.en.resx: English).</summary>
public sealed class RichTextStrings;
