using Preau.News.Authorization;

namespace Preau.News.Pages.Actualites;

/// <summary>The label key of the strongest part one plays in a thread.</summary>
public static class ThreadRole
{
    public static string Of(ThreadRights rights)
    {
        ArgumentNullException.ThrowIfNull(rights);
        return rights.Owner ? "Role.Owner" : rights.Manage ? "Role.Manage" : rights.Publish ? "Role.Publish" : rights.Contrib ? "Role.Contrib" : "Role.Read";
    }
}
