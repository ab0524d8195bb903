namespace Preau.Documents.Resources;

/// <summary>Marker for the strings of a document's page, its comments and "shared with me" (DocumentItemStrings.resx, DocumentItemStrings.en.resx).</summary>
public sealed class DocumentItemStrings;
