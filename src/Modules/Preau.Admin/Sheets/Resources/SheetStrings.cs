namespace Preau.Admin.Sheets.Resources;

/// <summary>Marker for the sheets, reset and charter pages' strings (SheetStrings.resx: French; SheetStrings.en.resx: English).</summary>
public sealed class SheetStrings;
