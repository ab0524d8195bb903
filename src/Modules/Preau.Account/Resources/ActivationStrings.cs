namespace Preau.Account.Resources;

/// <summary>Marker for the activation page's strings (ActivationStrings.resx: French; ActivationStrings.en.resx: English).</summary>
public sealed class ActivationStrings;
