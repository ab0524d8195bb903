namespace Preau.Platform.Resources;

/// <summary>Marker for the flash banners' strings (FlashStrings.resx: French; FlashStrings.en.resx: English).</summary>
public sealed class FlashStrings;
