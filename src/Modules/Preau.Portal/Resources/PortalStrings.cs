namespace Preau.Portal.Resources;

/// <summary>Marker for the module's strings (PortalStrings.resx: French; PortalStrings.en.resx: English).</summary>
public sealed class PortalStrings;
