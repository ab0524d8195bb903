namespace Preau.Documents.Resources;

/// <summary>Marker for the document space's strings (DocumentStrings.resx, DocumentStrings.en.resx).</summary>
public sealed class DocumentStrings;
