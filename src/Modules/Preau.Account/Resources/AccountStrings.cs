namespace Preau.Account.Resources;

/// <summary>Marker for the module's strings (AccountStrings.resx: French; AccountStrings.en.resx: English).</summary>
public sealed class AccountStrings;
