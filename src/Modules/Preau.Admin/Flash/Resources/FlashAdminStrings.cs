namespace Preau.Admin.Flash.Resources;

/// <summary>Marker for the flash messages' administration strings (FlashAdminStrings.resx: French; FlashAdminStrings.en.resx: English).</summary>
public sealed class FlashAdminStrings;
