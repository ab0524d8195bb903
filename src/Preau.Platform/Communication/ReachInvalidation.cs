using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;

namespace Preau.Platform.Communication;

/// <summary>
/// Tells <see cref="ReachCache"/> what each save changed, whoever saves (console, import,
/// demo, rules screen): memberships, parent links and a person's state forget that person;
/// groups, links, direct rules and classes forget the rules; workflow rights and structures
/// forget the rights (once the save is done, and again when its transaction commits: <see cref="SaveWatcher{TPending}"/>).
/// </summary>
public sealed class ReachInvalidation(ReachCache cache) : SaveWatcher<ReachInvalidation.Pending>
{
    public sealed class Pending
    {
        public HashSet<Guid> Users { get; } = [];

        public bool Rules { get; set; }

        public bool Rights { get; set; }
    }

    protected override void Collect(EntityEntry entry, Func<Pending> pending)
    {
        switch (entry.Entity)
        {
            case GroupMember member:
                pending().Users.Add(member.UserId);
                break;
            case ParentLink link:
                pending().Users.Add(link.RelativeId);
                pending().Users.Add(link.StudentId);
                break;
            case User user when entry.State != EntityState.Added:
                if (entry.State == EntityState.Deleted || entry.Property(nameof(User.State)).IsModified || entry.Property(nameof(User.DetachedAt)).IsModified)
                {
                    pending().Users.Add(user.Id);
                }

                break;
            case Group:
            case GroupLink:
            case StructureReachRules:
                pending().Rules = true;
                break;
            case SchoolClass when entry.State != EntityState.Added:
                pending().Rules = true;
                break;
            case Rights.AppRight:
            case Structure when entry.State != EntityState.Added:
                pending().Rights = true;
                break;
        }
    }

    protected override ValueTask ApplyAsync(Pending pending, CancellationToken ct)
    {
        if (pending.Rules)
        {
            cache.ForgetRules();
        }

        if (pending.Rights)
        {
            cache.ForgetRights();
        }

        cache.ForgetUsers(pending.Users);
        return ValueTask.CompletedTask;
    }
}
