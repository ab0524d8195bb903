namespace Preau.Provisioning.Resources;

/// <summary>Marker for the module's strings (ProvisioningStrings.resx: French; ProvisioningStrings.en.resx: English).</summary>
public sealed class ProvisioningStrings;
