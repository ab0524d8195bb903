using Microsoft.Extensions.DependencyInjection;

namespace Preau.Messaging.Features.Young;

/// <summary>The simple mailbox of the 1st-degree pupils: its use case (the pages are under /messagerie/facile).</summary>
public static class YoungMailSetup
{
    public static IServiceCollection AddYoungMail(this IServiceCollection services) => services.AddScoped<YoungMail>();
}
