using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;
using Preau.Platform.Rights;
using Preau.Testing.Resources;

namespace Preau.Testing;

/// <summary>
/// A test-only module that declares a "journal" application (a blog-like test app) with workflow rights, as a real module
/// does from its AddX: access for every profile, blogs created by staff, posts written by
/// pupils too, comments by pupils in the 2nd degree only. It maps two endpoints that require
/// rights under /api/v1/test-blog, so that tests see the launcher and the API obey the rights.
/// </summary>
public static class TestBlog
{
    public const string Access = "journal.access";
    public const string Create = "journal.create";
    public const string Post = "journal.post";
    public const string Comment = "journal.comment";

    public static readonly AppDefinition App = new("journal", typeof(TestBlogStrings), "App.Name", "App.Description",
    [
        new(Access, "Action.Access", DefaultHolders.Profiles(Profile.Student, Profile.Relative, Profile.Teacher, Profile.Personnel, Profile.Periscolaire)),
        new(Create, "Action.Create", DefaultHolders.Profiles(Profile.Teacher, Profile.Personnel)),
        new(Post, "Action.Post", DefaultHolders.Profiles(Profile.Student, Profile.Teacher, Profile.Personnel)),
        new(Comment, "Action.Comment", DefaultHolders.ByDegree(
            [Profile.Relative, Profile.Teacher, Profile.Personnel],
            [Profile.Student, Profile.Relative, Profile.Teacher, Profile.Personnel])),
    ]);

    /// <summary>Adds the module to an application under test: the declaration, its launcher tile, its endpoints.</summary>
    public static void AddTo(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        services.AddApp(App, new AppEntry("journal", typeof(TestBlogStrings), "App.Name", "App.Description", "/journal", "documents", "orange", _ => true, Order: 50));
        services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, Endpoints>();
    });

    // The host's pipeline is Program's; the test endpoints get a branch of their own in front of
    // it, with routing and the same authentication, as a module's MapX would map them.
    private sealed class Endpoints : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/api/v1/test-blog", branch =>
            {
                branch.UseRouting();
                branch.UseAuthentication();
                branch.UseAuthorization();
                branch.UseEndpoints(endpoints =>
                {
                    endpoints.MapPost("/blogs", () => TypedResults.Ok(new { created = true })).RequireAuthorization().RequireAppRight(Create);
                    endpoints.MapPost("/posts", () => TypedResults.Ok(new { posted = true })).RequireAuthorization().RequireAppRight(Post);
                });
            });
            next(app);
        };
    }
}
