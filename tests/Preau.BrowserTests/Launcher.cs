using Preau.Testing;

namespace Preau.BrowserTests;

/// <summary>
/// The apps each persona's launcher must show, by app id. Today the modules register two tiles
/// for everyone (Account's "account", Portal's "help"); a module that adds a tile adds it here
/// for the personas who should get it, so that a tile shown to the wrong person fails a test.
/// </summary>
public static class Launcher
{
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        [Personas.Nina] = ["account", "help"],
        [Personas.Lea] = ["account", "help"],
        [Personas.Hugo] = ["account", "help"],
        [Personas.Sophie] = ["account", "help"],
        [Personas.Claire] = ["account", "help"],
        [Personas.Paul] = ["account", "help"],
        [Personas.Isabelle] = ["account", "help"],
        [Personas.Admin] = ["account", "help"],
    };

    public static IEnumerable<string> ExpectedFor(string login) =>
        Expected.TryGetValue(login, out var apps)
            ? apps
            : throw new ArgumentOutOfRangeException(nameof(login), login, "No launcher is expected for this persona yet.");
}
