namespace Preau.Messaging.Resources;

/// <summary>Marker for "Joindre depuis mes documents" (DocumentPickerStrings.resx: French; .en.resx: English).</summary>
public sealed class DocumentPickerStrings;
