namespace Preau.Platform.Resources;

/// <summary>Marker for the names of profile groups (GroupStrings.resx: French; GroupStrings.en.resx: English).</summary>
public sealed class GroupStrings;
