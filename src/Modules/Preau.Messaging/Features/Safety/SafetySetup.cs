using Microsoft.Extensions.DependencyInjection;
using Preau.Messaging.Features.Moderation;

namespace Preau.Messaging.Features.Safety;

/// <summary>The ADML's side of messaging safety: sending rules per profile, the reported messages and mass-send alerts.</summary>
public static class SafetySetup
{
    public static IServiceCollection AddMessagingSafety(this IServiceCollection services) =>
        services.AddScoped<ManagePolicies>().AddScoped<ModerateMessages>();
}
