using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Preau.Platform.Kernel;

namespace Preau.Platform.Modules;

/// <summary>An app as one person sees it: localized and ready to show.</summary>
public sealed record UserApp(string Id, string Name, string Description, string Url, string Icon, string Color);

/// <summary>The launcher's catalog: every module's entries, filtered for one person.</summary>
public sealed class AppCatalog(IEnumerable<AppEntry> entries, IStringLocalizerFactory localizers)
{
    private readonly AppEntry[] _entries = [.. entries.OrderBy(e => e.Order).ThenBy(e => e.Id, StringComparer.Ordinal)];

    /// <summary>The tiles of a person who holds these workflow rights.</summary>
    public IReadOnlyList<UserApp> For(UserContext user, IReadOnlySet<string> rights) =>
        [.. _entries.Where(e => e.IsAvailableTo(user) && (e.AccessRight is null || rights.Contains(e.AccessRight))).Select(e =>
        {
            var strings = localizers.Create(e.Strings);
            return new UserApp(e.Id, strings[e.NameKey], strings[e.DescriptionKey], e.Url, e.Icon, e.Color);
        })];
}

public static class AppCatalogServiceCollectionExtensions
{
    /// <summary>Registers a launcher entry; modules call it from their <c>AddX</c>.</summary>
    public static IServiceCollection AddAppEntry(this IServiceCollection services, AppEntry entry)
    {
        services.AddSingleton(entry);
        return services;
    }
}
