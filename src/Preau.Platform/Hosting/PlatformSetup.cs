using Microsoft.Extensions.Options;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Preau.Platform.Directory.Features;
using Preau.Platform.Feed;
using Preau.Platform.Files;
using Preau.Platform.Flash;
using Preau.Platform.Jobs;
using Preau.Platform.Kernel;
using Preau.Platform.Localization;
using Preau.Platform.Mail;
using Preau.Platform.Modules;
using Preau.Platform.Persistence;
using Preau.Platform.RichText;
using Preau.Platform.Security;
using Preau.Platform.Sharing;
using Preau.Platform.Storage;
using Preau.Platform.Theming;

namespace Preau.Platform.Hosting;

public static class PlatformSetup
{
    /// <summary>The platform's services: options, persistence, directory, localization, security, shell.</summary>
    public static IServiceCollection AddPreauPlatform(
        this IServiceCollection services, IConfiguration configuration, params Assembly[] moduleAssemblies)
    {
        services.AddOptions<PreauOptions>().Bind(configuration.GetSection("Preau"));
        services.TryAddSingleton(TimeProvider.System);
        // School days, public holidays and the académie's vacations: when homework can be due.
        services.AddSchoolCalendar(configuration);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddDistributedMemoryCache();

        // Cookie and antiforgery keys live in the data folder, so sessions survive a restart.
        // A cluster shares them through Redis instead (issue: scale-out).
        var dataPath = (configuration.GetSection("Preau").Get<PreauOptions>() ?? new PreauOptions()).FullDataPath;
        services.AddDataProtection()
            .SetApplicationName("Preau")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys")));

        services.AddPreauPersistence(configuration, moduleAssemblies);
        services.AddScoped<DirectoryWriter>();

        // Every saved user gets the folded name (no accents, no capitals) that searches and French sorting use.
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, UserSearchNameInterceptor>();
        services.AddScoped<Audit.AuditLog>();

        // Who may reach whom: one cache per node, forgotten on every save that changes it.
        services.AddOptions<Communication.ReachOptions>().Bind(configuration.GetSection("Communication"));
        services.AddSingleton<Communication.ReachCache>();
        services.AddSingleton<Communication.ReachInvalidation>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<Communication.ReachInvalidation>());
        services.AddScoped<Communication.Reach>();
        services.AddScoped<Communication.RulesReset>();
        services.AddScoped<Communication.VisibleSearch>();
        services.AddScoped<Communication.RulesEditor>();
        services.AddHostedService<Communication.RulesBackfill>();
        services.AddPreauSharing();
        services.AddPreauFeed(configuration);
        services.AddPreauFlash(configuration);
        services.AddPreauJobs(configuration);
        services.AddPreauStorage(configuration);
        services.AddPreauFiles();
        services.AddSingleton(sp => SecretKeys.FromConfiguration(configuration, sp.GetRequiredService<IOptions<PreauOptions>>().Value));
        services.AddSingleton<Codes>();
        services.AddSingleton<ActivationCodes>();
        services.AddOptions<ActivationOptions>().Bind(configuration.GetSection("Security:Activation"));
        services.AddScoped<LoadUserContext>();
        services.AddScoped<Demo.DemoPeople>();
        services.AddPreauMail(configuration);
        services.AddPreauRichText();

        services.AddPreauLocalization();
        // Pages the same for every visitor without an account (AnonymousPageCache), in memory.
        services.AddOutputCache();
        services.AddPreauAuthentication();
        services.AddAntiforgery(options =>
        {
            options.Cookie = new LoopbackAwareCookieBuilder { Name = "preau.antiforgery", HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true };
            options.FormFieldName = "__csrf";
            options.HeaderName = "X-CSRF-TOKEN";
        });

        // French text is written as it is, not as &#xE9; entities: lighter pages, readable sources.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton<AppCatalog>();

        // Workflow rights: which applications and actions each structure's people may use.
        services.AddSingleton<Rights.AppRightsCatalog>();
        services.AddScoped<Rights.AppRights>();
        services.AddScoped<Shell>();

        services.AddProblemDetails();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>Liveness answers while the process runs; readiness also needs the database.</summary>
    public static IEndpointRouteBuilder MapPreauHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        return endpoints;
    }
}
