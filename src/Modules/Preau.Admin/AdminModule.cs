using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Admin.Api;
using Preau.Admin.Authorization;
using Preau.Admin.Communication;
using Preau.Admin.Notifications;
using Preau.Admin.Data;
using Preau.Admin.Features;
using Preau.Admin.Features.Audit;
using Preau.Admin.Features.Groups;
using Preau.Admin.Features.Structures;
using Preau.Admin.Features.Users;
using Preau.Admin.Flash;
using Preau.Admin.Moderation;
using Preau.Admin.Resources;
using Preau.Admin.Rights;
using Preau.Admin.Sheets;
using Preau.Platform.Modules;

namespace Preau.Admin;

/// <summary>Administration: schools, classes, groups, accounts and the audit trail for LocalAdmins and the SuperAdmin; "Ma classe" for ClassAdmins.</summary>
public static class AdminModule
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        // The folded names the console searches and sorts by are kept by the platform; this fills those saved before them.
        services.AddHostedService<UserSearchNameBackfill>();
        services.AddScoped<AdminAccess>();
        services.AddScoped<ListStructures>();
        services.AddScoped<ViewClass>();
        services.AddConnectionSheets();
        services.AddScoped<ViewStructure>();
        services.AddScoped<SaveClass>();
        services.AddScoped<BlockProfile>();
        services.AddScoped<ViewGroup>();
        services.AddScoped<ManageGroups>();
        services.AddScoped<SearchUsers>();
        services.AddScoped<ViewUser>();
        services.AddScoped<CreateUser>();
        services.AddScoped<UpdateUser>();
        services.AddScoped<MoveUser>();
        services.AddScoped<LinkParent>();
        services.AddScoped<BlockUser>();
        services.AddScoped<RevokeSessions>();
        services.AddScoped<ChangeFunctions>();
        services.AddScoped<SearchAudit>();
        services.AddScoped<ViewAppRights>();
        services.AddScoped<SaveAppRights>();
        services.AddScoped<ViewFeedDefaults>();
        services.AddScoped<SaveFeedDefaults>();
        services.AddCommunicationRules();
        services.AddModeration();
        services.AddFlashAdmin();
        services.AddAppEntry(new AppEntry(
            "admin", typeof(AdminStrings), "App.Name", "App.Description", "/admin", "admin", "red",
            AdminScope.AdministersAnyStructure, Order: 800));
        services.AddAppEntry(new AppEntry(
            "my-class", typeof(AdminStrings), "MyClass.App.Name", "MyClass.App.Description", "/admin/my-class", "class", "green",
            AdminScope.ManagesAnyClass, Order: 700));
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminApi();
        endpoints.MapAppRightsApi();
        endpoints.MapFeedDefaultsApi();
        endpoints.MapConnectionSheets();
        endpoints.MapCommunicationRules();
        endpoints.MapModeration();
        endpoints.MapFlashAdmin();
        return endpoints;
    }
}
