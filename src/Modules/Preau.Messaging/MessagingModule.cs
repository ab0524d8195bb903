using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Messaging.Api;
using Preau.Messaging.Features.Attachments;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Moderation;
using Preau.Messaging.Features.Recall;
using Preau.Messaging.Features.Safety;
using Preau.Messaging.Features.Search;
using Preau.Messaging.Features.Sending;
using Preau.Messaging.Features.Young;
using Preau.Messaging.Resources;
using Preau.Platform.Jobs;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;
using Preau.Platform.Rights;

namespace Preau.Messaging;

/// <summary>
/// The messagerie: messages between the people the communication rules let meet — drafts, send
/// now or later, folders, conversations, recall, search — with the safety an ENT needs: rules
/// re-checked at every send, switches and quiet hours per profile, a rate limit, a mass-send
/// alert, reports to the school's ADMLs.
/// </summary>
public static class MessagingModule
{
    public const string AccessRight = "messaging.access";

    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<MessagingOptions>(configuration.GetSection(MessagingOptions.Section));
        services.AddScoped<Recipients>();
        services.AddSingleton<MessageBodies>();
        services.AddScoped<SaveDraft>();
        services.AddScoped<SendingGate>();
        services.AddScoped<MassSendWatch>();
        services.AddScoped<SendMessage>();
        services.AddScoped<Preau.Platform.Demo.IDemoContent, Demo.MessagingDemo>();
        services.AddJobHandler<ScheduledSend>(SendMessage.JobKind);
        services.AddScoped<ReadMailbox>();
        services.AddScoped<OpenMessage>();
        services.AddScoped<OrganizeMessages>();
        services.AddScoped<ManageFolders>();
        services.AddScoped<RecallMessage>();
        services.AddScoped<SearchMessages>();
        services.AddScoped<ReportMessage>();
        services.AddMessagingCompose();
        services.AddMessagingDocumentPicker();
        services.AddMessagingFeed();
        services.AddMailboxPages();
        services.AddYoungMail();
        services.AddMessagingSafety();
        services.AddApp(new AppDefinition(MessagingFeed.App, typeof(MessagingStrings), "App.Name", "App.Description",
            [new(AccessRight, "Right.Access", DefaultHolders.Profiles(Profile.Student, Profile.Relative, Profile.Teacher, Profile.Personnel, Profile.Periscolaire))],
            Order: 20),
            new AppEntry(MessagingFeed.App, typeof(MessagingStrings), "App.Name", "App.Description", "/messagerie", "mail", "blue", _ => true, Order: 20));
        return services;
    }

    public static IEndpointRouteBuilder MapMessaging(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingCompose();
        endpoints.MapMailbox();
        endpoints.MapMessagingApi();
        endpoints.MapSafetyApi();
        return endpoints;
    }
}
