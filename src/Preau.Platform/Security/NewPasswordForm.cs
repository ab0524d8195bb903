namespace Preau.Platform.Security;

/// <summary>
/// What the shared new-password partial (<c>Pages/Shared/_NewPassword.cshtml</c>) needs: the names
/// of the two fields, the person's own words (login, names: refused as the heart of a password)
/// and the rules the last submitted password broke. The page script checks the same rules live.
/// </summary>
public sealed record NewPasswordForm(
    string PasswordName,
    string ConfirmationName,
    IReadOnlyList<string> PersonalWords,
    IReadOnlyList<PasswordPolicy.Rule> Broken)
{
    public bool Breaks(PasswordPolicy.Rule rule) => Broken.Contains(rule);
}
