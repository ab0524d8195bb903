using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Admin.Api;
using Preau.Admin.Authorization;
using Preau.Admin.Features;
using Preau.Admin.Resources;
using Preau.Admin.Sheets;
using Preau.Platform.Modules;

namespace Preau.Admin;

/// <summary>Administration: schools and classes for LocalAdmins and the SuperAdmin; "Ma classe" for ClassAdmins.</summary>
public static class AdminModule
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<ListStructures>();
        services.AddScoped<ViewClass>();
        services.AddConnectionSheets();
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
        endpoints.MapConnectionSheets();
        return endpoints;
    }
}
