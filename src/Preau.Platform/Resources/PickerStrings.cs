namespace Preau.Platform.Resources;

/// <summary>Marker for the document picker's strings (PickerStrings.resx: French; PickerStrings.en.resx: English).</summary>
public sealed class PickerStrings;
