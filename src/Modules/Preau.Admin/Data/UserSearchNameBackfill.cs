using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Preau.Platform.Directory.Features;
using Preau.Platform.Persistence;

namespace Preau.Admin.Data;

/// <summary>
/// Folds the names of people saved before the folded name existed (a database from an earlier
/// version), so that the console finds and sorts them too. At start-up one query tells whether
/// any is left; if so, the rest goes on in the background, a batch at a time.
/// </summary>
internal sealed partial class UserSearchNameBackfill(IServiceScopeFactory scopes, ILogger<UserSearchNameBackfill> logger) : IHostedService, IDisposable
{
    private const int Batch = 500;

    private readonly CancellationTokenSource _stopping = new();
    private Task? _work;
    private bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await FoldBatchAsync(cancellationToken) == Batch)
            {
                _work = Task.Run(() => FoldAllAsync(_stopping.Token), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A database not migrated yet (Database:MigrateOnStartup=false) or not reachable must not
            // stop the application: the names are folded at the next start.
            LogPostponed(logger, e);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host torn down before it stopped (a test's factory) may have disposed the service already.
        if (_disposed)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_work is not null)
        {
            await Task.WhenAny(_work, Task.Delay(Timeout.Infinite, cancellationToken));
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    private async Task FoldAllAsync(CancellationToken ct)
    {
        var total = Batch;
        try
        {
            int folded;
            do
            {
                folded = await FoldBatchAsync(ct);
                total += folded;
            }
            while (folded == Batch);

            LogDone(logger, total);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the rest is folded at the next start.
        }
        catch (Exception e)
        {
            // A background batch failing (the database restarting…) is retried at the next start.
            LogPostponed(logger, e);
        }
    }

    private async Task<int> FoldBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        var users = await db.Users.Where(u => EF.Property<string?>(u, UserSearchName.Property) == null).OrderBy(u => u.Id).Take(Batch).ToListAsync(ct);
        foreach (var user in users)
        {
            db.Entry(user).Property<string>(UserSearchName.Property).CurrentValue = UserSearchName.Of(user.LastName, user.FirstName);
        }

        if (users.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return users.Count;
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Folding the search names of earlier people is postponed to the next start")]
    private static partial void LogPostponed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Folded the search names of {Count} people saved before they existed")]
    private static partial void LogDone(ILogger logger, int count);
}
