using System.Security.Cryptography;
using Preau.Platform.Directory.Features;

namespace Preau.Blog.Features;

/// <summary>
/// The public page's address: the title's words (folded, at most 60 characters) and six random
/// letters or digits, so two "Blog des CE2" never meet and the address says nothing of the school.
/// Made once at creation and kept: a printed link keeps working when the blog is renamed.
/// </summary>
public static class BlogSlugs
{
    public const int MaxLength = 80;

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string Make(string title)
    {
        var words = UserSearchName.Fold(title).Trim('-');
        if (words.Length > 60)
        {
            words = words[..60].TrimEnd('-');
        }

        var tail = RandomNumberGenerator.GetString(Alphabet, 6);
        return words.Length == 0 ? $"blog-{tail}" : $"{words}-{tail}";
    }

    /// <summary>Whether a value may be a slug at all (checked before any query).</summary>
    public static bool IsWellFormed(string? slug) =>
        slug is { Length: > 0 and <= MaxLength } && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
