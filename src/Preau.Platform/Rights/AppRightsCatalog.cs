using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Modules;

namespace Preau.Platform.Rights;

/// <summary>Every application the modules declared, and each action's application.</summary>
public sealed class AppRightsCatalog
{
    private readonly FrozenDictionary<string, (AppDefinition App, AppAction Action)> _actions;

    public AppRightsCatalog(IEnumerable<AppDefinition> apps)
    {
        Apps = [.. apps.OrderBy(a => a.Order).ThenBy(a => a.Id, StringComparer.Ordinal)];
        var actions = new Dictionary<string, (AppDefinition, AppAction)>(StringComparer.Ordinal);
        foreach (var app in Apps)
        {
            app.Validate();
            foreach (var action in app.Actions)
            {
                if (!actions.TryAdd(action.Id, (app, action)))
                {
                    throw new InvalidOperationException($"Two applications declare the action '{action.Id}'.");
                }
            }
        }

        _actions = actions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyList<AppDefinition> Apps { get; }

    public IEnumerable<AppAction> Actions => Apps.SelectMany(a => a.Actions);

    public bool IsDeclared(string action) => _actions.ContainsKey(action);

    public AppDefinition? AppOf(string action) => _actions.TryGetValue(action, out var found) ? found.App : null;

    public AppDefinition? App(string appId) => Apps.FirstOrDefault(a => string.Equals(a.Id, appId, StringComparison.Ordinal));
}

public static class AppRightsServiceCollectionExtensions
{
    /// <summary>
    /// Declares an application and its actions; with a launcher entry, the tile shows only to
    /// people who hold the application's access right in one of their structures.
    /// </summary>
    public static IServiceCollection AddApp(this IServiceCollection services, AppDefinition app, AppEntry? entry = null)
    {
        app.Validate();
        services.AddSingleton(app);
        if (entry is not null)
        {
            services.AddAppEntry(entry with { AccessRight = app.Access.Id });
        }

        return services;
    }
}
