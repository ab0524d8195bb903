using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Persistence;

/// <summary>
/// The one database context. The platform owns the directory tables; each module contributes
/// its own entity configurations through <see cref="ModuleModelExtension"/>, so one migration
/// set per provider covers the whole application.
/// </summary>
public sealed class PreauDbContext(DbContextOptions<PreauDbContext> options) : DbContext(options)
{
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<SchoolClass> Classes => Set<SchoolClass>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ParentLink> ParentLinks => Set<ParentLink>();
    public DbSet<FunctionGrant> FunctionGrants => Set<FunctionGrant>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<BlockedProfile> BlockedProfiles => Set<BlockedProfile>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PreauDbContext).Assembly);
        var modules = this.GetService<IDbContextOptions>().FindExtension<ModuleModelExtension>();
        foreach (var assembly in modules?.Assemblies ?? [])
        {
            modelBuilder.ApplyConfigurationsFromAssembly(assembly);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite cannot compare or order DateTimeOffset text; a UTC tick count sorts and indexes.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }

        configurationBuilder.Properties<Enum>().HaveConversion<int>();
    }
}
