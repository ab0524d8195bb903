using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Preau.Platform.Hosting;
using Preau.Platform.Jobs;

namespace Preau.Platform.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The blob store (the file system under the data folder, or S3 when <c>Storage:Provider</c> says so), the blob registry and its collector, quotas; called by AddPreauPlatform.</summary>
    public static IServiceCollection AddPreauStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Storage");
        // A quota that is not a size stops the start, rather than the first upload.
        services.AddOptions<StorageOptions>().Bind(section)
            .Validate(o => o.Quota.Values.All(v => ByteSizes.TryParse(v, out _)), "Storage:Quota:<Profile> takes sizes such as \"100 MB\", \"1 GB\" or a number of bytes.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>();
        services.AddSingleton<IBlobStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider == StorageProvider.S3
                ? S3BlobStore.Create(options.S3)
                : new FileSystemBlobStore(options.FullPath(sp.GetRequiredService<IOptions<PreauOptions>>().Value.FullDataPath), sp.GetRequiredService<TimeProvider>());
        });
        services.AddScoped<BlobRegistry>();
        services.AddScoped<StorageQuota>();
        services.AddScoped<QuotaStore>();
        services.AddJobHandler<OrphanBlobCollector>(OrphanBlobCollector.Kind);
        services.AddRecurringJob(OrphanBlobCollector.Kind, JobSchedule.Parse((section.Get<StorageOptions>() ?? new StorageOptions()).Collect));
        return services;
    }
}
