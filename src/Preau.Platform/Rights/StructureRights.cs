using System.Collections.Frozen;
using Preau.Platform.Kernel;

namespace Preau.Platform.Rights;

/// <summary>Who holds one action in one structure: profiles of its members, and groups.</summary>
public sealed record ActionHolders(FrozenSet<Profile> Profiles, FrozenSet<Guid> Groups)
{
    public bool HeldBy(Profile profile, IEnumerable<Guid> groupIds) =>
        Profiles.Contains(profile) || (Groups.Count > 0 && groupIds.Any(Groups.Contains));
}

/// <summary>
/// The workflow rights of one structure as they apply: each declared action's defaults for the
/// structure's degree, changed by the rows its administrator saved.
/// </summary>
public sealed class StructureRights
{
    private StructureRights(Guid structureId, Degree degree, bool customised, FrozenDictionary<string, ActionHolders> actions) =>
        (StructureId, Degree, Customised, Actions) = (structureId, degree, customised, actions);

    public Guid StructureId { get; }

    public Degree Degree { get; }

    /// <summary>Whether the administrator changed anything (rows exist for a declared action).</summary>
    public bool Customised { get; }

    /// <summary>Every declared action and its holders here.</summary>
    public FrozenDictionary<string, ActionHolders> Actions { get; }

    public ActionHolders For(string action) =>
        Actions.TryGetValue(action, out var holders) ? holders : new ActionHolders(FrozenSet<Profile>.Empty, FrozenSet<Guid>.Empty);

    /// <summary>The actions a member of this structure holds, with this profile and these groups.</summary>
    public IEnumerable<string> HeldBy(Profile profile, IReadOnlyCollection<Guid> groupIds) =>
        Actions.Where(a => a.Value.HeldBy(profile, groupIds)).Select(a => a.Key);

    /// <summary>
    /// Resolves the catalog for a structure of this degree: a profile row replaces that profile's
    /// default for the action; a group row that allows adds the group. Rows for actions no module
    /// declares (an application removed since) are ignored.
    /// </summary>
    public static StructureRights Resolve(Guid structureId, Degree degree, AppRightsCatalog catalog, IEnumerable<AppRight> rows)
    {
        var byAction = rows.Where(r => catalog.IsDeclared(r.Action)).ToLookup(r => r.Action, StringComparer.Ordinal);
        var actions = new Dictionary<string, ActionHolders>(StringComparer.Ordinal);
        foreach (var action in catalog.Actions)
        {
            var profiles = new HashSet<Profile>(action.Defaults.For(degree));
            var groups = new HashSet<Guid>();
            foreach (var row in byAction[action.Id])
            {
                if (row.Profile is { } profile)
                {
                    if (row.Allowed)
                    {
                        profiles.Add(profile);
                    }
                    else
                    {
                        profiles.Remove(profile);
                    }
                }
                else if (row.GroupId is { } group && row.Allowed)
                {
                    groups.Add(group);
                }
            }

            actions[action.Id] = new ActionHolders(profiles.ToFrozenSet(), groups.ToFrozenSet());
        }

        return new StructureRights(structureId, degree, byAction.Count > 0, actions.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// The rows that make a structure's rights equal to <paramref name="wanted"/>: profile cells
    /// that differ from the defaults, and group grants. Nothing for what equals the defaults.
    /// </summary>
    public static IEnumerable<(string Action, Profile? Profile, Guid? GroupId, bool Allowed)> Departures(
        Degree degree, AppAction action, ActionHolders wanted)
    {
        var defaults = action.Defaults.For(degree);
        foreach (var profile in Enum.GetValues<Profile>())
        {
            var allowed = wanted.Profiles.Contains(profile);
            if (allowed != defaults.Contains(profile))
            {
                yield return (action.Id, profile, null, allowed);
            }
        }

        foreach (var group in wanted.Groups)
        {
            yield return (action.Id, null, group, true);
        }
    }
}
