using System.Text.Json.Serialization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Authorization;
using Preau.Account;
using Preau.Admin;
using Preau.Blog;
using Preau.Directory;
using Preau.Documents;
using Preau.Feed;
using Preau.Homework;
using Preau.Messaging;
using Preau.News;
using Preau.Modules;
using Preau.Platform.Flash;
using Preau.Platform.Hosting;
using Preau.Platform.Persistence;
using Preau.Platform.Security;
using Preau.Platform.Sharing;
using Preau.Portal;
using Preau.Provisioning;
using Preau.Web;
using Preau.Web.Demo;

var builder = WebApplication.CreateBuilder(args);

// Serve the modules' static assets from a build (not only from a publish) in every environment,
// so that `dotnet run` in Production mode, as the run command does, finds the shell's CSS.
builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);

// Structured logs: JSON lines for the log shipper unless the operator asks for text (Preau:LogFormat).
if (!string.Equals(builder.Configuration["Preau:LogFormat"], "text", StringComparison.OrdinalIgnoreCase))
{
    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
}

builder.Services.AddPreauPlatform(builder.Configuration, [.. PreauModules.All]);
builder.Services.AddAccount();
builder.Services.AddPortal();
builder.Services.AddAdmin();
builder.Services.AddProvisioning(builder.Configuration);
builder.Services.AddDirectoryApp();
builder.Services.AddFeedApp(builder.Configuration);
builder.Services.AddMessaging(builder.Configuration);
builder.Services.AddDocuments(builder.Configuration);
builder.Services.AddBlog(builder.Configuration);
builder.Services.AddNews();
builder.Services.AddHomework();
builder.Services.AddScoped<DemoCity>();

builder.Services.AddRazorPages();
builder.Services.AddAuthorizationBuilder()
    // Deny by default: every page and endpoint needs a signed-in person unless it says otherwise.
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Préau API";
    document.Info.Version = "v1";
    document.Info.Description = "The JSON API of Préau: everything the pages can do, for the mobile app and integrations.";
    return Task.CompletedTask;
}));
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    // Behind the load balancer (deploy/nginx): trust its X-Forwarded-* headers from loopback only by default.
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
});

var app = builder.Build();

if (args.Contains("migrate", StringComparer.Ordinal))
{
    // Operators: `Preau.Web migrate` applies pending migrations and exits.
    await DatabaseMigrator.MigrateAsync(app.Services);
    app.Logger.LogInformation("Database migrated.");
    return;
}

await app.PrepareAsync();

app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
    api =>
    {
        api.UseExceptionHandler();
        api.UseStatusCodePages();
    });
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
    pages =>
    {
        pages.UseExceptionHandler("/error/500");
        pages.UseStatusCodePagesWithReExecute("/error/{0}");
    });
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorPages().WithStaticAssets();
app.MapPreauHealth();
app.MapPreauSharing();
app.MapPreauFlash();
app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
app.MapAccount();
app.MapPortal();
app.MapAdmin();
app.MapProvisioning();
app.MapDirectoryApp();
app.MapFeedApp();
app.MapMessaging();
app.MapDocuments();
app.MapBlog();
app.MapNews();
app.MapHomework();

await app.RunAsync();

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
