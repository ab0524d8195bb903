using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Blog.Api;
using Preau.Blog.Features;
using Preau.Blog.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;
using Preau.Platform.Rights;
using Preau.Platform.Sharing;

namespace Preau.Blog;

/// <summary>
/// The blog: blogs of a teacher or a class, shared with read, contrib (write posts), publish
/// (publish and validate others' posts), comment and manage; posts published at once or through
/// a teacher's validation; comments in the same modes; a read-only public page by slug, off by
/// default. Every check lives in <see cref="BlogAccess"/> and the use cases.
/// </summary>
public static class BlogModule
{
    public const string App = "blog";

    public const string AccessRight = "blog.access";

    public const string CreateRight = "blog.create";

    /// <summary>The shareable type of a blog.</summary>
    public const string ShareType = "blog";

    /// <summary>Members' pages.</summary>
    public const string Url = "/blog";

    /// <summary>Public pages, by slug.</summary>
    public const string PublicUrl = "/b";

    public static IServiceCollection AddBlog(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<BlogOptions>(configuration.GetSection(BlogOptions.Section));
        services.AddScoped<BlogAccess>();
        services.AddScoped<BlogAudience>();
        services.AddScoped<BlogPeople>();
        services.AddScoped<ManageBlogs>();
        services.AddScoped<WritePosts>();
        services.AddScoped<ReadBlog>();
        services.AddScoped<BlogComments>();
        services.AddScoped<BlogMediaStore>();
        services.AddScoped<PublicBlogs>();
        services.AddOutputCache(o => o.AddPolicy(PublicBlogCache.Policy, PublicBlogCache.CreatePolicy()));
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PublicBlogInvalidation>();
        services.AddScoped<Preau.Platform.Demo.IDemoContent, Demo.BlogDemo>();
        services.AddBlogFeed();
        services.AddShareableType<BlogShareResolver>(ShareType, typeof(BlogStrings), "Share.Blog", ShareRight.Publish, ShareRight.Comment);
        services.AddApp(new AppDefinition(App, typeof(BlogStrings), "App.Name", "App.Description",
            [
                new(AccessRight, "Right.Access", DefaultHolders.Profiles(Profile.Student, Profile.Relative, Profile.Teacher, Profile.Personnel, Profile.Periscolaire)),
                new(CreateRight, "Right.Create", DefaultHolders.Profiles(Profile.Teacher, Profile.Personnel)),
            ],
            Order: 40),
            new AppEntry(App, typeof(BlogStrings), "App.Name", "App.Description", Url, "blog", "purple", _ => true, Order: 40));
        return services;
    }

    public static IEndpointRouteBuilder MapBlog(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapBlogApi();
        endpoints.MapBlogMedia();
        return endpoints;
    }
}

/// <summary>Settings of the blog (section "Blog").</summary>
public sealed class BlogOptions
{
    public const string Section = "Blog";

    /// <summary>Posts on a blog's page.</summary>
    public int PageSize { get; set; } = 10;

    /// <summary>The largest picture, sound or video one may add to a post.</summary>
    public long MaxMediaBytes { get; set; } = 50L * 1024 * 1024;
}
