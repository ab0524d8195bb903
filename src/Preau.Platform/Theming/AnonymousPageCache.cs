using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Preau.Platform.Kernel;

namespace Preau.Platform.Theming;

/// <summary>
/// The output cache of a page that is the same for every visitor without an account (a public
/// blog): stored and served only for anonymous requests (a signed-in person's page carries their
/// name and menu, and is never looked up nor stored), one copy per language and display settings
/// (what the shell draws for an anonymous visitor) and per value of the query keys that change the
/// page; not at all when a query key says the page is one visitor's own (a search); only a 200
/// that sets no cookie is stored. The page tags its copy (<see cref="Tag"/>) with what it shows,
/// and the module evicts the tag when that changes; <see cref="Duration"/> bounds what a copy can
/// miss otherwise (a renamed author) and, with the in-memory store, the staleness on another node.
/// </summary>
public sealed class AnonymousPageCache(IReadOnlyList<string> varyByQuery, IReadOnlyList<string> skipWhenQuery) : IOutputCachePolicy
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    private readonly StringValues _queryKeys = new([.. varyByQuery]);

    /// <summary>Names what the page shows, so that evicting the tag drops its cached copies.</summary>
    public static void Tag(HttpContext http, string tag)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && StringValues.IsNullOrEmpty(request.Headers.Authorization)
            && !skipWhenQuery.Any(key => !StringValues.IsNullOrEmpty(request.Query[key]));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Duration;
        context.CacheVaryByRules.QueryKeys = _queryKeys;
        var display = DisplaySettings.CssClasses(Degree.Second, DisplaySettings.FromCookie(request));
        context.CacheVaryByRules.VaryByValues["shell"] = string.Create(CultureInfo.InvariantCulture, $"{CultureInfo.CurrentUICulture.Name}|{display}");
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
