namespace Preau.Platform.Resources;

/// <summary>Marker for the shell's strings (SharedStrings.resx: French; SharedStrings.en.resx: English).</summary>
public sealed class SharedStrings;
