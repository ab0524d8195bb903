using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Hosting;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.UnitTests.Directory;

/// <summary>
/// A private in-memory SQLite database built by the application's own provider set-up and
/// migrations, alive as long as this object; each context is a fresh unit of work on it.
/// </summary>
public sealed class InMemoryDirectory : IDisposable
{
    private readonly SqliteConnection _keepAlive;
    private readonly DbContextOptions<PreauDbContext> _options;

    public InMemoryDirectory()
    {
        var connectionString = $"Data Source=directory-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        // A shared in-memory database lives while one connection to it is open.
        _keepAlive = new SqliteConnection(connectionString);
        _keepAlive.Open();
        var builder = new DbContextOptionsBuilder<PreauDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureProvider(
            builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString }, new PreauOptions());
        // The migrations hold the modules' tables too: the model must have them, as the application's does.
        ((Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptionsBuilderInfrastructure)builder)
            .AddOrUpdateExtension(new ModuleModelExtension([typeof(Preau.Account.AccountModule).Assembly, typeof(Preau.Provisioning.ProvisioningModule).Assembly, typeof(Preau.Directory.DirectoryModule).Assembly, typeof(Preau.Feed.FeedModule).Assembly, typeof(Preau.Messaging.MessagingModule).Assembly, typeof(Preau.Documents.DocumentsModule).Assembly]));
        _options = builder.Options;
        using var db = NewContext();
        db.Database.Migrate();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 1, 6, 0, 0, TimeSpan.Zero));

    public PreauDbContext NewContext() => new(_options);

    public DirectoryWriter Writer(PreauDbContext db) => new(db, Clock, Codes);

    public ActivationCodes Codes => new(new Preau.Platform.Security.Codes(new SecretKeys(new byte[32])), Clock, Microsoft.Extensions.Options.Options.Create(new ActivationOptions()));

    /// <summary>The groups a person belongs to, as stored.</summary>
    public async Task<List<Group>> GroupsOfAsync(Guid userId)
    {
        await using var db = NewContext();
        return await db.GroupMembers.Where(m => m.UserId == userId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g)
            .AsNoTracking()
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose() => _keepAlive.Dispose();
}
