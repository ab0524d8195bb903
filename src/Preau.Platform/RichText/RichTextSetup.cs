using Microsoft.Extensions.DependencyInjection;

namespace Preau.Platform.RichText;

public static class RichTextSetup
{
    /// <summary>The sanitizer (one per process: it keeps no state between calls).</summary>
    public static IServiceCollection AddPreauRichText(this IServiceCollection services)
    {
        services.AddSingleton<RichTextSanitizer>();
        return services;
    }
}
