namespace Preau.Platform.Resources;

/// <summary>Marker for the share dialog's strings (SharingStrings.resx: French; SharingStrings.en.resx: English).</summary>
public sealed class SharingStrings;
