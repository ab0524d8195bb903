using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Feed;
using Preau.Platform.Persistence;
using Preau.Testing;

namespace Preau.IntegrationTests;

/// <summary>Reaches the application's database as its own code does: a scoped PreauDbContext.</summary>
internal static class Data
{
    public static async Task<T> WithDbAsync<T>(this PreauApp app, Func<PreauDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PreauDbContext>());
    }

    public static Task WithDbAsync(this PreauApp app, Func<PreauDbContext, Task> work) =>
        app.WithDbAsync(async db =>
        {
            await work(db);
            return true;
        });

    /// <summary>Who the feed holds a notice of this type about this resource for (withdrawn ones left out).</summary>
    public static Task<List<Guid>> ToldAsync(this PreauApp app, string type, string resourceKey) =>
        app.WithDbAsync(db => db.Set<FeedRecipient>()
            .Where(r => db.Set<FeedEvent>().Any(e => e.Id == r.EventId && e.Type == type && e.ResourceKey == resourceKey && e.RemovedAt == null))
            .Select(r => r.UserId).Distinct().ToListAsync(TestContext.Current.CancellationToken));

    public static Task<User> UserAsync(this PreauApp app, string login) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Login == login, TestContext.Current.CancellationToken));

    public static Task<Structure> StructureAsync(this PreauApp app, string name) =>
        app.WithDbAsync(db => db.Structures.AsNoTracking().SingleAsync(s => s.Name == name, TestContext.Current.CancellationToken));
}
