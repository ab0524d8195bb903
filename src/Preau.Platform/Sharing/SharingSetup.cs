using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Preau.Platform.Sharing;

public static class SharingServiceCollectionExtensions
{
    /// <summary>The sharing services; called by AddPreauPlatform.</summary>
    public static IServiceCollection AddPreauSharing(this IServiceCollection services)
    {
        services.TryAddSingleton<ShareableTypes>();
        services.TryAddScoped<Shares>();
        services.TryAddScoped<UpdateShares>();
        services.TryAddScoped<ViewShares>();
        services.TryAddScoped<SharePrincipals>();
        services.TryAddScoped<ShareBookmarks>();
        services.TryAddScoped<ShareRecipients>();
        return services;
    }

    /// <summary>
    /// Declares a kind of resource a module lets people share: its key ("documents.file"), its
    /// resolver (scoped), its label (<paramref name="labelKey"/> in the module's
    /// <paramref name="labels"/> strings) and its own rights besides read, contrib and manage
    /// (<see cref="ShareRight.Publish"/>, <see cref="ShareRight.Comment"/>, or the module's).
    /// </summary>
    public static IServiceCollection AddShareableType<TResolver>(this IServiceCollection services, string key, Type labels, string labelKey, params ShareRight[] rights)
        where TResolver : class, IShareResolver
    {
        services.TryAddScoped<TResolver>();
        services.AddSingleton(new ShareableType(key, typeof(TResolver), labels, labelKey, rights));
        return services;
    }
}
