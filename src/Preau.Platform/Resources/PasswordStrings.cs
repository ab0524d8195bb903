namespace Preau.Platform.Resources;

/// <summary>Marker for the new-password field pair's strings (PasswordStrings.resx: French; PasswordStrings.en.resx: English).</summary>
public sealed class PasswordStrings;
