namespace Preau.Platform.Resources;

/// <summary>Marker for the file viewer's strings (FileStrings.resx: French; FileStrings.en.resx: English).</summary>
public sealed class FileStrings;
