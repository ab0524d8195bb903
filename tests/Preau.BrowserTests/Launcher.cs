using Preau.Testing;

namespace Preau.BrowserTests;

/// <summary>
/// The apps each persona's launcher must show, by app id: Account's "account" and Portal's
/// "help" for everyone, Admin's "admin" for LocalAdmins and the SuperAdmin and its "my-class"
/// for ClassAdmins, Directory's "directory" for everyone and its "class" for pupils, Messaging's "messaging", Documents' "documents", Blog's "blog" and News' "news" for everyone who holds their access right, Homework's "homework" ("À faire") for pupils and parents, the books for teachers and the direction. A module that adds a tile adds it here
/// for the personas who should get it, so that a tile shown to the wrong person fails a test.
/// </summary>
public static class Launcher
{
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        [Personas.Nina] = ["account", "blog", "class", "directory", "documents", "help", "homework", "messaging", "news"],
        [Personas.Lea] = ["account", "blog", "class", "directory", "documents", "help", "homework", "messaging", "news"],
        [Personas.Hugo] = ["account", "blog", "class", "directory", "documents", "help", "homework", "messaging", "news"],
        [Personas.Sophie] = ["account", "blog", "directory", "documents", "help", "homework", "messaging", "news"],
        [Personas.Claire] = ["account", "blog", "directory", "documents", "help", "homework", "messaging", "my-class", "news"],
        [Personas.Paul] = ["account", "blog", "directory", "documents", "help", "homework", "messaging", "news"],
        [Personas.Isabelle] = ["account", "admin", "blog", "directory", "documents", "help", "homework", "messaging", "news"],
        // The SuperAdmin belongs to no school, so no school opens its messagerie, document space, blogs or news to them.
        [Personas.Admin] = ["account", "admin", "directory", "help"],
    };

    public static IEnumerable<string> ExpectedFor(string login) =>
        Expected.TryGetValue(login, out var apps)
            ? apps
            : throw new ArgumentOutOfRangeException(nameof(login), login, "No launcher is expected for this persona yet.");
}
