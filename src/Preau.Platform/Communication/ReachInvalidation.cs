using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Communication;

/// <summary>
/// Tells <see cref="ReachCache"/> what each save changed, whoever saves (console, import,
/// demo, rules screen): memberships, parent links and a person's state forget that person;
/// groups, links, direct rules and classes forget the rules; workflow rights and structures
/// forget the rights. Forgotten once the save is done, and again when its transaction commits,
/// so that no request caches what was about to change.
/// </summary>
public sealed class ReachInvalidation(ReachCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public HashSet<Guid> Users { get; } = [];
        public bool Rules { get; set; }

        public bool Rights { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Apply(eventData.Context, keep: true);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context, keep: true);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Apply(eventData.Context, keep: false);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context, keep: false);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Apply(eventData.Context, keep: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context, keep: false);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        Pending? pending = null;
        Pending Get() => pending ??= _pending.GetValue(context, _ => new Pending());
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case GroupMember member:
                    Get().Users.Add(member.UserId);
                    break;
                case ParentLink link:
                    Get().Users.Add(link.RelativeId);
                    Get().Users.Add(link.StudentId);
                    break;
                case User user when entry.State != EntityState.Added:
                    if (entry.State == EntityState.Deleted || entry.Property(nameof(User.State)).IsModified || entry.Property(nameof(User.DetachedAt)).IsModified)
                    {
                        Get().Users.Add(user.Id);
                    }

                    break;
                case Group:
                case GroupLink:
                case StructureReachRules:
                    Get().Rules = true;
                    break;
                case SchoolClass when entry.State != EntityState.Added:
                    Get().Rules = true;
                    break;
                case Rights.AppRight:
                case Structure when entry.State != EntityState.Added:
                    Get().Rights = true;
                    break;
            }
        }
    }

    private void Apply(DbContext? context, bool keep)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        if (pending.Rules)
        {
            cache.ForgetRules();
        }

        if (pending.Rights)
        {
            cache.ForgetRights();
        }

        cache.ForgetUsers(pending.Users);

        // Inside a transaction the change is not visible to others before the commit: forget
        // again then. Outside one, the save was its own transaction and is done.
        if (!keep || context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
        }
    }
}
