using System.Reflection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Preau.Platform.Persistence;

/// <summary>Carries the module assemblies whose entity configurations join the model.</summary>
internal sealed class ModuleModelExtension(IReadOnlyList<Assembly> assemblies) : IDbContextOptionsExtension
{
    public IReadOnlyList<Assembly> Assemblies { get; } = assemblies;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(ModuleModelExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new ModuleModelExtension Extension => (ModuleModelExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "Modules=" + string.Join(',', Extension.Assemblies.Select(a => a.GetName().Name));

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["Preau:Modules"] = LogFragment;
    }
}
