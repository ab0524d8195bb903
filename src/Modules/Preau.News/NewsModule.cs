using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.News.Api;
using Preau.News.Authorization;
using Preau.News.Features.Comments;
using Preau.News.Features.Home;
using Preau.News.Features.Items;
using Preau.News.Features.Threads;
using Preau.News.Resources;
using Preau.Platform.Jobs;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;
using Preau.Platform.Rights;
using Preau.Platform.Sharing;

namespace Preau.News;

/// <summary>
/// The actualités: news threads for a school, a class or chosen people, shared through the
/// platform's sharing (read, contrib: write drafts, publish, manage); items written, submitted,
/// published now or at a set instant (a job notifies then), expired, trashed; comments, moderated
/// where the thread says so; the home page's headlines ("À la une"). Docs: docs/news.md.
/// </summary>
public static class NewsModule
{
    public const string App = "news";

    public const string AccessRight = "news.access";

    /// <summary>Creating a thread (staff and teachers by default).</summary>
    public const string CreateRight = "news.create";

    public const string Url = "/actualites";

    public static IServiceCollection AddNews(this IServiceCollection services)
    {
        services.AddScoped<NewsAccess>();
        services.AddScoped<ManageThreads>();
        services.AddScoped<ReadNews>();
        services.AddScoped<WriteNews>();
        services.AddScoped<NewsComments>();
        services.AddScoped<Headlines>();
        services.AddSingleton<HeadlineCache>();
        services.AddJobHandler<ScheduledPublication>(WriteNews.JobKind);
        services.AddScoped<Preau.Platform.Demo.IDemoContent, Demo.NewsDemo>();
        NewsFeed.AddNewsFeed(services);
        services.AddShareableType<ThreadShareResolver>(NewsAccess.ThreadType, typeof(NewsStrings), "Share.Thread", ShareRight.Publish, ShareRight.Comment);
        services.AddApp(new AppDefinition(App, typeof(NewsStrings), "App.Name", "App.Description",
            [
                new(AccessRight, "Right.Access", DefaultHolders.Profiles(Profile.Student, Profile.Relative, Profile.Teacher, Profile.Personnel, Profile.Periscolaire)),
                new(CreateRight, "Right.Create", DefaultHolders.Profiles(Profile.Teacher, Profile.Personnel)),
            ],
            Order: 15),
            new AppEntry(App, typeof(NewsStrings), "App.Name", "App.Description", Url, "news", "orange", _ => true, Order: 15));
        return services;
    }

    public static IEndpointRouteBuilder MapNews(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapNewsApi();
        return endpoints;
    }
}
