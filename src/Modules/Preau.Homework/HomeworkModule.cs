using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Homework.Api;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Calendar;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;
using Preau.Platform.Rights;

namespace Preau.Homework;

/// <summary>
/// The cahier de textes: for each class or teaching group and subject, the lessons recorded and
/// the homework set (the 1st degree's class diary too); "À faire" for pupils and parents with
/// each pupil's own ticks; the étude's evening for the périscolaire; the direction's (and an
/// invited inspector's) reading and visa; private calendar addresses. Docs: docs/homework.md.
/// </summary>
public static class HomeworkModule
{
    public const string App = "homework";

    public const string AccessRight = "homework.access";

    /// <summary>The teachers' books.</summary>
    public const string Url = "/cahier-de-textes";

    /// <summary>Pupils' and parents' list.</summary>
    public const string ToDoUrl = "/a-faire";

    /// <summary>The périscolaire's evening.</summary>
    public const string EtudeUrl = "/etude";

    public static string CalendarPath(string secret) => $"{Url}/calendrier/{secret}.ics";

    public static IServiceCollection AddHomework(this IServiceCollection services)
    {
        services.AddScoped<HomeworkAccess>();
        services.AddScoped<ManageBooks>();
        services.AddScoped<WriteDiary>();
        services.AddScoped<ReadBook>();
        services.AddScoped<ToDo>();
        services.AddScoped<Visas>();
        services.AddScoped<Etude>();
        services.AddScoped<CalendarKeys>();
        services.AddScoped<HomeworkNotices>();
        services.AddScoped<HomeworkAttachments>();
        services.AddScoped<Preau.Platform.Demo.IDemoContent, Demo.HomeworkDemo>();
        HomeworkNotices.AddHomeworkFeed(services);
        services.AddApp(new AppDefinition(App, typeof(HomeworkStrings), "App.Name", "App.Description",
            [
                new(AccessRight, "Right.Access", DefaultHolders.Profiles(Profile.Student, Profile.Relative, Profile.Teacher, Profile.Personnel, Profile.Periscolaire)),
            ],
            Order: 20),
            // Pupils and parents open "À faire" (the rush's page: no redirect for them), the étude's
            // animators their evening and teachers and the direction their books through it.
            new AppEntry(App, typeof(HomeworkStrings), "App.Name", "App.Description", ToDoUrl, "homework", "green",
                user => user.Profile is Profile.Student or Profile.Relative or Profile.Periscolaire or Profile.Teacher || user.Holds(Function.LocalAdmin), Order: 20));
        return services;
    }

    public static IEndpointRouteBuilder MapHomework(this IEndpointRouteBuilder endpoints)
    {
        // A family's calendar app asks without a session: the secret in the address is the key.
        endpoints.MapGet(Url + "/calendrier/{file}", async (string file, CalendarKeys keys, HttpContext http, CancellationToken ct) =>
        {
            var secret = file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ? file[..^4] : file;
            var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
            var document = await keys.DocumentAsync(secret, site, ct);
            if (document is null)
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "private, max-age=900";
            return Results.Text(document, CalendarFeed.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapAttachmentDownload();
        endpoints.MapHomeworkApi();
        return endpoints;
    }
}
