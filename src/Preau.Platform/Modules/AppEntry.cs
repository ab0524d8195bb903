using Preau.Platform.Kernel;

namespace Preau.Platform.Modules;

/// <summary>
/// An application tile in the "Mes applis" launcher. A module registers its own entries; the
/// launcher shows those the person may use.
/// </summary>
/// <param name="Id">Stable identifier, also used in the API.</param>
/// <param name="Strings">The type whose resources hold <paramref name="NameKey"/> and <paramref name="DescriptionKey"/>.</param>
/// <param name="NameKey">Resource key of the tile's name.</param>
/// <param name="DescriptionKey">Resource key of a one-line description (2nd degree and screen readers).</param>
/// <param name="Url">Where the tile leads.</param>
/// <param name="Icon">Name of a pictogram in the shell's icon set.</param>
/// <param name="Color">One of the shell's tile colours: blue, green, orange, purple, red, teal, yellow, pink.</param>
/// <param name="IsAvailableTo">Who gets the tile.</param>
/// <param name="Order">Position in the launcher.</param>
/// <param name="AccessRight">
/// The workflow right that opens the app ("blog.access"), set by <c>AddApp</c>: the tile shows
/// only to people who hold it in one of their structures (and pass <paramref name="IsAvailableTo"/>).
/// Null for entries outside workflow rights: help and account for everyone, the consoles by function.
/// </param>
public sealed record AppEntry(
    string Id,
    Type Strings,
    string NameKey,
    string DescriptionKey,
    string Url,
    string Icon,
    string Color,
    Func<UserContext, bool> IsAvailableTo,
    int Order = 100,
    string? AccessRight = null);
