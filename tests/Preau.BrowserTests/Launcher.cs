using Preau.Testing;

namespace Preau.BrowserTests;

/// <summary>
/// The apps each persona's launcher must show, by app id: Account's "account" and Portal's
/// "help" for everyone, Admin's "admin" for LocalAdmins and the SuperAdmin and its "my-class"
/// for ClassAdmins. A module that adds a tile adds it here
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
        [Personas.Claire] = ["account", "help", "my-class"],
        [Personas.Paul] = ["account", "help"],
        [Personas.Isabelle] = ["account", "admin", "help"],
        [Personas.Admin] = ["account", "admin", "help"],
    };

    public static IEnumerable<string> ExpectedFor(string login) =>
        Expected.TryGetValue(login, out var apps)
            ? apps
            : throw new ArgumentOutOfRangeException(nameof(login), login, "No launcher is expected for this persona yet.");
}
