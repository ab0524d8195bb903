using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Messaging.Api;
using Preau.Messaging.Features.Compose;

namespace Preau.Messaging.Features.Attachments;

/// <summary>The composer's services (attachments, replies, recipient search) and endpoints.</summary>
public static class ComposeSetup
{
    public static IServiceCollection AddMessagingCompose(this IServiceCollection services)
    {
        services.AddScoped<AttachFile>();
        services.AddScoped<ServeAttachment>();
        services.AddScoped<StartReply>();
        services.AddScoped<RecipientSearch>();
        return services;
    }

    public static IEndpointRouteBuilder MapMessagingCompose(this IEndpointRouteBuilder endpoints) => endpoints.MapAttachmentsApi();
}
