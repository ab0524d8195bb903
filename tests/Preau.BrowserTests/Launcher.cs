using Preau.Testing;

namespace Preau.BrowserTests;

/// <summary>
/// The apps each persona's launcher must show, by app id. Today the modules register two tiles
/// for everyone (Account's "account", Portal's "help"); a module that adds a tile adds it here
/// for the personas who should get it, so that a tile shown to the wrong person fails a test.
/// </summary>
public static class Launcher
{
    private static readonly string[] Everyone = ["account", "help"];

    public static IReadOnlySet<string> ExpectedFor(string login) => login switch
    {
        Personas.Nina or Personas.Lea or Personas.Hugo => new HashSet<string>(Everyone, StringComparer.Ordinal),
        Personas.Sophie => new HashSet<string>(Everyone, StringComparer.Ordinal),
        Personas.Claire or Personas.Paul => new HashSet<string>(Everyone, StringComparer.Ordinal),
        Personas.Isabelle or Personas.Admin => new HashSet<string>(Everyone, StringComparer.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(login), login, "No launcher is expected for this persona yet."),
    };
}
