using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Directory.Api;
using Preau.Directory.Features;
using Preau.Directory.Photos;
using Preau.Directory.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;

namespace Preau.Directory;

/// <summary>
/// The annuaire: the people and groups one may reach (through the platform's visible set), a
/// person's card, one's class, and one's profile (photo, mood, motto, details shown).
/// </summary>
public static class DirectoryModule
{
    public static IServiceCollection AddDirectoryApp(this IServiceCollection services)
    {
        services.AddScoped<IPhotoStore, DatabasePhotoStore>();
        services.AddScoped<PhotoTags>();
        services.AddScoped<ParentsChildren>();
        services.AddScoped<SearchDirectory>();
        services.AddScoped<ViewPerson>();
        services.AddScoped<ViewClassPage>();
        services.AddScoped<MyProfile>();
        services.AddScoped<ChangePhoto>();
        services.AddScoped<ServePhoto>();
        services.AddAppEntry(new AppEntry(
            "directory", typeof(DirectoryStrings), "App.Name", "App.Description", "/annuaire", "directory", "teal",
            _ => true, Order: 300));
        // Pupils find their class from the launcher; teachers who manage one have the console's "Ma classe".
        services.AddAppEntry(new AppEntry(
            "class", typeof(DirectoryStrings), "ClassApp.Name", "ClassApp.Description", "/annuaire/ma-classe", "class", "green",
            user => user.Profile == Profile.Student && user.Classes.Count > 0, Order: 290));
        return services;
    }

    public static IEndpointRouteBuilder MapDirectoryApp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDirectoryApi();
        endpoints.MapPhotos();
        return endpoints;
    }
}
