using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Preau.Platform.Persistence;

/// <summary>
/// Watches every save, whoever saves (a page, the API, a job, an import, the demo), for the
/// entities a cache depends on: <see cref="Collect"/> notes what an added, modified or deleted
/// entity changes before the save; <see cref="ApplyAsync"/> forgets it once the save is done, and
/// again when its transaction commits or rolls back, so that no request caches in between what
/// was about to change. Registered as an <see cref="IInterceptor"/> singleton.
/// </summary>
public abstract class SaveWatcher<TPending> : SaveChangesInterceptor, IDbTransactionInterceptor
    where TPending : class, new()
{
    private readonly ConditionalWeakTable<DbContext, TPending> _pending = [];

    /// <summary>Notes in <paramref name="pending"/> what the change of <paramref name="entry"/> invalidates.</summary>
    protected abstract void Collect(EntityEntry entry, Func<TPending> pending);

    /// <summary>Forgets what <paramref name="pending"/> names; called after the save, and after the commit.</summary>
    protected abstract ValueTask ApplyAsync(TPending pending, CancellationToken ct);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        CollectAll(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CollectAll(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetAsync(eventData.Context, keep: true).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await ForgetAsync(eventData.Context, keep: true);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        ForgetAsync(eventData.Context, keep: false).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetAsync(eventData.Context, keep: false).AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        ForgetAsync(eventData.Context, keep: false).AsTask().GetAwaiter().GetResult();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ForgetAsync(eventData.Context, keep: false).AsTask();

    private void CollectAll(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        TPending? pending = null;
        TPending Get() => pending ??= _pending.GetValue(context, _ => new TPending());
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                Collect(entry, Get);
            }
        }
    }

    private async ValueTask ForgetAsync(DbContext? context, bool keep)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        // Inside a transaction the change is not visible to others before the commit: forget
        // again then. Outside one, the save was its own transaction and is done.
        if (!keep || context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }

        await ApplyAsync(pending, CancellationToken.None);
    }
}
