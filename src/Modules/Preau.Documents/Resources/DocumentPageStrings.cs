namespace Preau.Documents.Resources;

/// <summary>Marker for the "Mes documents" pages' strings (DocumentPageStrings.resx, DocumentPageStrings.en.resx).</summary>
public sealed class DocumentPageStrings;
