using Microsoft.Extensions.DependencyInjection;

namespace Preau.Messaging.Features.Attachments;

/// <summary>Attaching from the document space: the use case behind "Joindre depuis mes documents".</summary>
public static class PickerSetup
{
    public static IServiceCollection AddMessagingDocumentPicker(this IServiceCollection services)
    {
        services.AddScoped<AttachFromDocuments>();
        return services;
    }
}
