using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Directory.Features;

/// <summary>
/// A folded copy of each person's name, "nom-prenom" without accents or capitals, kept beside
/// the directory's users (a shadow column, filled on every save by <see cref="UserSearchNameInterceptor"/>):
/// people are searched by prefix and sorted by it through an index, the same way on SQLite and
/// PostgreSQL (whose collations otherwise disagree), in an order that is French at the first
/// level (É with E, œ as oe).
/// </summary>
public static class UserSearchName
{
    public const string Property = "SearchName";

    public static string Of(string lastName, string firstName) => Fold(lastName + " " + firstName);

    /// <summary>Letters and digits, lower-case and accent-free; every other run becomes one '-'.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant()
            .Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal).Replace("ø", "o", StringComparison.Ordinal)
            .Replace("ł", "l", StringComparison.Ordinal).Replace("đ", "d", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                folded.Append(c);
            }
            else if (folded.Length > 0 && folded[^1] != '-')
            {
                folded.Append('-');
            }
        }

        return folded.ToString().TrimEnd('-');
    }

    /// <summary>
    /// The first string after every string that starts with <paramref name="prefix"/> (a folded
    /// text), for an index range; null when there is none ("zz…").
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        var trimmed = prefix.TrimEnd('z', '-');
        if (trimmed.Length == 0)
        {
            return null;
        }

        var last = trimmed[^1];
        var next = last switch { '9' => 'a', _ => (char)(last + 1) };
        return string.Concat(trimmed.AsSpan(0, trimmed.Length - 1), next.ToString());
    }

    /// <summary>
    /// A prefix of the folded "nom prénom", or of the login (which is "prenom.nom", already
    /// folded): each an index range, made exact by the prefix test.
    /// </summary>
    public static IQueryable<User> Matching(IQueryable<User> users, string? text)
    {
        var folded = UserSearchName.Fold((text ?? "").Length > 100 ? text![..100] : text ?? "");
        if (folded.Length == 0)
        {
            return users;
        }

        // "lea dubois" may be typed for the login lea.dubois, "jean pierre m" for jean-pierre.martin.
        var logins = new List<string> { folded };
        for (var i = folded.IndexOf('-', StringComparison.Ordinal); i >= 0 && logins.Count < 4; i = folded.IndexOf('-', i + 1))
        {
            logins.Add(string.Concat(folded.AsSpan(0, i), ".", folded.AsSpan(i + 1)));
        }

        while (logins.Count < 4)
        {
            logins.Add(logins[0]);
        }

        string High(string prefix) => UserSearchName.UpperBound(prefix) ?? "~";
        var (n, nHigh) = (folded, High(folded));
        var (l0, h0, l1, h1, l2, h2, l3, h3) = (logins[0], High(logins[0]), logins[1], High(logins[1]), logins[2], High(logins[2]), logins[3], High(logins[3]));
        return users.Where(u =>
            (EF.Property<string>(u, UserSearchName.Property).CompareTo(n) >= 0 && EF.Property<string>(u, UserSearchName.Property).CompareTo(nHigh) < 0
                && EF.Property<string>(u, UserSearchName.Property).StartsWith(n))
            || (u.Login.CompareTo(l0) >= 0 && u.Login.CompareTo(h0) < 0 && u.Login.StartsWith(l0))
            || (u.Login.CompareTo(l1) >= 0 && u.Login.CompareTo(h1) < 0 && u.Login.StartsWith(l1))
            || (u.Login.CompareTo(l2) >= 0 && u.Login.CompareTo(h2) < 0 && u.Login.StartsWith(l2))
            || (u.Login.CompareTo(l3) >= 0 && u.Login.CompareTo(h3) < 0 && u.Login.StartsWith(l3)));
    }
}

internal sealed class UserSearchNameConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property<string>(UserSearchName.Property).HasMaxLength(220);
        b.HasIndex(UserSearchName.Property);
    }
}

/// <summary>Keeps the folded name in step with the names, whoever writes them (import, console, demo).</summary>
public sealed class UserSearchNameInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Fill(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Fill(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Fill(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<User>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var folded = UserSearchName.Of(entry.Entity.LastName, entry.Entity.FirstName);
                var property = entry.Property<string>(UserSearchName.Property);
                if (!string.Equals(property.CurrentValue, folded, StringComparison.Ordinal))
                {
                    property.CurrentValue = folded;
                }
            }
        }
    }
}
