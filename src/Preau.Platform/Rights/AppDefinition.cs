using System.Collections.Frozen;
using Preau.Platform.Kernel;

namespace Preau.Platform.Rights;

/// <summary>
/// Who holds an action in a structure nobody customised: a set of profiles, which may differ
/// between 1st degree schools (maternelle, élémentaire) and 2nd degree ones.
/// </summary>
public sealed record DefaultHolders(FrozenSet<Profile> FirstDegree, FrozenSet<Profile> SecondDegree)
{
    public static DefaultHolders None { get; } = new(FrozenSet<Profile>.Empty, FrozenSet<Profile>.Empty);

    /// <summary>The same profiles in every school.</summary>
    public static DefaultHolders Profiles(params Profile[] profiles) => new(profiles.ToFrozenSet(), profiles.ToFrozenSet());

    /// <summary>Different profiles in 1st and 2nd degree schools.</summary>
    public static DefaultHolders ByDegree(Profile[] firstDegree, Profile[] secondDegree) => new(firstDegree.ToFrozenSet(), secondDegree.ToFrozenSet());

    public FrozenSet<Profile> For(Degree degree) => degree == Degree.First ? FirstDegree : SecondDegree;
}

/// <summary>One thing an application lets people do ("blog.create"), with its label and its default holders.</summary>
/// <param name="Id">The action's code, "&lt;app&gt;.&lt;verb&gt;": what endpoints require and the API lists.</param>
/// <param name="LabelKey">Resource key of its label, in the application's strings.</param>
/// <param name="Defaults">Who holds it where the structure's administrator changed nothing.</param>
public sealed record AppAction(string Id, string LabelKey, DefaultHolders Defaults);

/// <summary>
/// An application whose use the structures' administrators decide (workflow rights): its
/// actions, the first of which is "&lt;id&gt;.access", the right to open it at all. Modules
/// declare theirs from their <c>AddX</c> with <see cref="AppRightsServiceCollectionExtensions.AddApp"/>.
/// </summary>
/// <param name="Id">Stable identifier, the prefix of every action's code.</param>
/// <param name="Strings">The type whose resources hold the name, description and action labels.</param>
/// <param name="NameKey">Resource key of the application's name.</param>
/// <param name="DescriptionKey">Resource key of a one-line description.</param>
/// <param name="Actions">Its actions, access first.</param>
/// <param name="Order">Position on the administration screen (the launcher entry has its own).</param>
public sealed record AppDefinition(string Id, Type Strings, string NameKey, string DescriptionKey, IReadOnlyList<AppAction> Actions, int Order = 100)
{
    /// <summary>The right to open the application: its launcher tile and every page and endpoint of it.</summary>
    public AppAction Access => Actions[0];

    public static string AccessOf(string appId) => appId + ".access";

    /// <summary>Throws when the declaration breaks the rules: actions prefixed by the id, access first, no duplicates.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Contains('.', StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"An application id must be a plain word, not '{Id}'.");
        }

        if (Actions.Count == 0 || !string.Equals(Actions[0].Id, AccessOf(Id), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The first action of '{Id}' must be '{AccessOf(Id)}'.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in Actions)
        {
            if (!action.Id.StartsWith(Id + ".", StringComparison.Ordinal) || action.Id.Length > AppRight.ActionMaxLength)
            {
                throw new InvalidOperationException($"The action '{action.Id}' must start with '{Id}.' and be at most {AppRight.ActionMaxLength} characters.");
            }

            if (!seen.Add(action.Id))
            {
                throw new InvalidOperationException($"The action '{action.Id}' is declared twice.");
            }
        }
    }
}
