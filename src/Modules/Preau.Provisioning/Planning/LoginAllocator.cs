using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;

namespace Preau.Provisioning.Planning;

/// <summary>
/// Logins for a whole file at once (<c>prenom.nom</c>, then numbered, as <see cref="LoginNames"/>
/// says): the taken ones are read by exact match on the unique login index, a few queries for
/// thousands of people, then allocated in memory.
/// </summary>
internal sealed class LoginAllocator(PreauDbContext db)
{
    private const int Numbered = 30;
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public static string BaseOf(string firstName, string lastName)
    {
        try
        {
            return LoginNames.Base(firstName, lastName);
        }
        catch (ArgumentException)
        {
            // A name without a letter or digit (a stray formula, symbols): still a login.
            return "compte";
        }
    }

    /// <summary>Reads which of these bases, and of their numbered forms when the base is taken, exist already.</summary>
    public async Task LoadAsync(IEnumerable<string> bases, CancellationToken ct)
    {
        var distinct = bases.Distinct(StringComparer.Ordinal).ToList();
        await ReadTakenAsync(distinct, ct);
        var collided = distinct.Where(_taken.Contains).ToList();
        if (collided.Count == 0)
        {
            return;
        }

        await ReadTakenAsync(collided.SelectMany(b => Enumerable.Range(1, Numbered).Select(n => b + n.ToString(CultureInfo.InvariantCulture))).ToList(), ct);
        foreach (var crowded in collided.Where(b => _taken.Contains(b + Numbered.ToString(CultureInfo.InvariantCulture))))
        {
            // A very common name: read all its numbered forms.
            var prefix = crowded;
            _taken.UnionWith(await db.Users.Where(u => u.Login.StartsWith(prefix)).Select(u => u.Login).ToListAsync(ct));
        }
    }

    /// <summary>The first free login for this base, now taken.</summary>
    public string Next(string baseLogin)
    {
        var login = baseLogin;
        for (var n = 1; _taken.Contains(login); n++)
        {
            login = baseLogin + n.ToString(CultureInfo.InvariantCulture);
        }

        _taken.Add(login);
        return login;
    }

    private async Task ReadTakenAsync(List<string> logins, CancellationToken ct)
    {
        foreach (var chunk in logins.Chunk(500))
        {
            _taken.UnionWith(await db.Users.Where(u => chunk.Contains(u.Login)).Select(u => u.Login).ToListAsync(ct));
        }
    }
}
