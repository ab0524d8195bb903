namespace Preau.Platform.Resources;

/// <summary>Marker for the platform's default charter (CharterStrings.resx: French; CharterStrings.en.resx: English).</summary>
public sealed class CharterStrings;
