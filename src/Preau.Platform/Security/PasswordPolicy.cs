namespace Preau.Platform.Security;

/// <summary>
/// What a new password must be: long enough, not the login or the person's name, not one of the
/// passwords everyone tries first. Length matters more than symbols (NIST SP 800-63B), so there
/// is no "one digit, one capital" rule to frustrate a parent or a nine-year-old.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>A rule a password breaks; pages translate it with the key "Password.Rule.{rule}".</summary>
    public enum Rule
    {
        TooShort,
        TooLong,
        ContainsLogin,
        Common,
        Confirmation,
    }

    // The first passwords any attacker tries, plus the school-flavoured ones of an ENT.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "0123456789", "1234567890", "12345678910", "azertyuiop", "qwertyuiop", "motdepasse", "motdepasse1",
        "motdepasse123", "password123", "password1234", "1234567890a", "azerty1234", "azertyuiop1",
        "abcdefghij", "aaaaaaaaaa", "soleil1234", "bonjour123", "doudou1234", "chouchou12", "loulou1234",
        "ecole12345", "ecole2026!", "college123", "preau12345", "preau-demo", "jetaime123", "marseille13",
        "paris75000", "football12", "iloveyou12", "0000000000", "1111111111", "123456789a", "a123456789",
    };

    /// <summary>The common passwords refused, for the page's live checklist.</summary>
    public static IReadOnlyCollection<string> CommonPasswords => Common;

    /// <summary>Every rule the password breaks, in reading order; empty when it is acceptable.</summary>
    public static IReadOnlyList<Rule> Check(string? password, string? confirmation, params string?[] personalWords)
    {
        var broken = new List<Rule>();
        password ??= string.Empty;
        if (password.Length < MinLength)
        {
            broken.Add(Rule.TooShort);
        }

        if (password.Length > MaxLength)
        {
            broken.Add(Rule.TooLong);
        }

        if (personalWords.Any(word => LeansOn(password, word)))
        {
            broken.Add(Rule.ContainsLogin);
        }

        if (Common.Contains(password) || (password.Length > 0 && password.All(c => c == password[0])))
        {
            broken.Add(Rule.Common);
        }

        if (confirmation is not null && !string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            broken.Add(Rule.Confirmation);
        }

        return broken;
    }

    /// <summary>
    /// Whether a personal word ("claire.martin" → "claire", "martin") is the heart of the password:
    /// present, with fewer than eight other characters around it.
    /// </summary>
    private static bool LeansOn(string password, string? word) =>
        (word ?? string.Empty).Split(['.', ' ', '-', '@'], StringSplitOptions.RemoveEmptyEntries)
            .Any(part => part.Length >= 4
                && password.Contains(part, StringComparison.OrdinalIgnoreCase)
                && password.Length - part.Length < MinLength - 2);
}
