namespace Preau.Platform.Kernel;

/// <summary>
/// How a person without a photo is drawn, the same in every module: their initials on a tile of a
/// colour that stays theirs (one of the shell's eight face colours, from the id's last byte: v7
/// ids end in random bits).
/// </summary>
public static class Faces
{
    public const int Colours = 8;

    public static string Initials(string firstName, string lastName)
    {
        ArgumentNullException.ThrowIfNull(firstName);
        ArgumentNullException.ThrowIfNull(lastName);
        return string.Concat(firstName.AsSpan(0, Math.Min(1, firstName.Length)), lastName.AsSpan(0, Math.Min(1, lastName.Length))).ToUpperInvariant();
    }

    /// <summary>The initials of a name as it was shown ("Claire Martin"): its first two words'.</summary>
    public static string InitialsOf(string displayName)
    {
        var words = (displayName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Initials(words.Length > 0 ? words[0] : "", words.Length > 1 ? words[1] : "");
    }

    public static int Colour(Guid userId) => userId.ToByteArray()[15] % Colours;
}
