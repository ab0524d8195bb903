namespace Preau.Account.Resources;

/// <summary>Marker for recovery, password and MFA strings (SecurityStrings.resx: French; SecurityStrings.en.resx: English).</summary>
public sealed class SecurityStrings;
