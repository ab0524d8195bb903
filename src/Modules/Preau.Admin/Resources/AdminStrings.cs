namespace Preau.Admin.Resources;

/// <summary>Marker for the module's strings (AdminStrings.resx: French; AdminStrings.en.resx: English).</summary>
public sealed class AdminStrings;
