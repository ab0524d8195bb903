using Microsoft.EntityFrameworkCore;
using Preau.News.Authorization;
using Preau.News.Domain;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.News.Features.Threads;

/// <summary>A thread as lists show it, with the caller's rights.</summary>
public sealed record ThreadSummary(Guid Id, string Title, string Color, ThreadScope Scope, Guid StructureId, bool Owned, ThreadRights Rights,
    bool CommentsEnabled, bool CommentsModerated);

/// <summary>What a thread's creator or manager sets.</summary>
public sealed record ThreadForm(string? Title, string? Color, bool CommentsEnabled, bool CommentsModerated);

/// <summary>
/// Threads: the caller's own and those shared with them; creating one for a school (its profile
/// groups), a class (its pupils, parents and teachers) or for chosen people (shared afterwards
/// from the share dialog); its settings, for its owner and managers.
/// </summary>
public sealed class ManageThreads(PreauDbContext db, NewsAccess access, Shares sharesOf, UpdateShares shares, TimeProvider clock)
{
    public const string TitleField = "Title";
    public const string ScopeField = "Scope";

    public async Task<IReadOnlyList<ThreadSummary>> ListAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var held = (await sharesOf.HeldAsync(me.Id, NewsAccess.ThreadType, ct)).ToDictionary(h => h.ResourceId, h => h.Rights);
        var ids = held.Keys.ToList();
        var threads = await db.Set<NewsThread>().AsNoTracking()
            .Where(t => t.DeletedAt == null && (t.OwnerId == me.Id || ids.Contains(t.Id)))
            .ToListAsync(ct);
        return [.. threads
            .Select(t => Summary(t, t.OwnerId == me.Id ? ThreadRights.All : NewsAccess.Of(held.GetValueOrDefault(t.Id) ?? []), t.OwnerId == me.Id))
            .Where(t => t.Rights.Read)
            .OrderByDescending(t => t.Owned).ThenBy(t => t.Title, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<ThreadSummary?> GetAsync(UserContext me, Guid threadId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return await access.ThreadAsync(me.Id, threadId, ct) is { } a ? Summary(a.Thread, a.Rights, a.Thread.OwnerId == me.Id) : null;
    }

    /// <summary>
    /// Creates a thread in one of the caller's schools. <paramref name="classId"/> set: for that class
    /// (one the caller teaches, or any class of a school they administer); <paramref name="wholeSchool"/>:
    /// for the school (its staff only); otherwise for chosen people, shared afterwards.
    /// </summary>
    public async Task<Outcome<ThreadSummary>> CreateAsync(UserContext me, Guid structureId, bool wholeSchool, Guid? classId, ThreadForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(form);
        var problems = new Problems();
        var title = Check(form, problems);
        if (me.Structures.All(s => s.Id != structureId))
        {
            problems.Add(ScopeField, "Thread.Error.School");
        }

        var scope = classId is not null ? ThreadScope.Class : wholeSchool ? ThreadScope.Structure : ThreadScope.Custom;
        if (scope == ThreadScope.Structure && me.Profile is not (Profile.Personnel or Profile.Teacher) && !me.IsLocalAdminOf(structureId))
        {
            problems.Add(ScopeField, "Thread.Error.School");
        }

        if (classId is { } cid && !me.Classes.Any(c => c.Id == cid && c.StructureId == structureId)
            && !(me.IsLocalAdminOf(structureId) && await db.Classes.AnyAsync(c => c.Id == cid && c.StructureId == structureId && c.ArchivedAt == null, ct)))
        {
            problems.Add(ScopeField, "Thread.Error.Class");
        }

        if (problems.Any)
        {
            return Outcome.Invalid<ThreadSummary>(problems.ToDictionary());
        }

        var now = clock.GetUtcNow();
        var thread = new NewsThread
        {
            Id = Guid.CreateVersion7(now), OwnerId = me.Id, StructureId = structureId, ClassId = classId, Scope = scope, Title = title,
            Color = Color(form.Color), CommentsEnabled = form.CommentsEnabled, CommentsModerated = form.CommentsModerated, CreatedAt = now,
        };
        db.Add(thread);
        await db.SaveChangesAsync(ct);
        var audience = await AudienceAsync(thread, ct);
        if (audience.Count > 0)
        {
            var result = await shares.HandleAsync(me.Id, NewsAccess.ThreadType, thread.Id, audience, replace: false, ct);
            if (result.Status != ShareUpdateStatus.Saved)
            {
                // Nobody saw it yet: a thread whose audience the creator may not address is not made.
                db.Remove(thread);
                await db.SaveChangesAsync(ct);
                return Outcome.Invalid<ThreadSummary>(ScopeField, "Thread.Error.Audience");
            }
        }

        return Summary(thread, ThreadRights.All, true);
    }

    /// <summary>Changes a thread's title, colour and comments, for its owner and managers.</summary>
    public async Task<Outcome<ThreadSummary>> UpdateAsync(UserContext me, Guid threadId, ThreadForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(form);
        if (await access.ThreadAsync(me.Id, threadId, ct) is not { Rights.Manage: true } a)
        {
            return Outcome.NotFound<ThreadSummary>();
        }

        var problems = new Problems();
        var title = Check(form, problems);
        if (problems.Any)
        {
            return Outcome.Invalid<ThreadSummary>(problems.ToDictionary());
        }

        a.Thread.Title = title;
        a.Thread.Color = Color(form.Color);
        a.Thread.CommentsEnabled = form.CommentsEnabled;
        a.Thread.CommentsModerated = form.CommentsModerated;
        await db.SaveChangesAsync(ct);
        return Summary(a.Thread, a.Rights, a.Thread.OwnerId == me.Id);
    }

    /// <summary>
    /// A school thread: its pupils, parents and periscolaire staff read and comment, its teachers and
    /// staff also write drafts. A class thread: its pupils and parents read and comment, its teachers
    /// write and publish.
    /// </summary>
    private async Task<List<ShareChange>> AudienceAsync(NewsThread thread, CancellationToken ct)
    {
        if (thread.Scope == ThreadScope.Custom)
        {
            return [];
        }

        var groups = await db.Groups.AsNoTracking()
            .Where(g => g.StructureId == thread.StructureId && g.Kind == GroupKind.Profile && g.ClassId == thread.ClassId)
            .Select(g => new { g.Id, g.Profile }).ToListAsync(ct);
        string[] readers = [ShareRight.Read.Key, ShareRight.Comment.Key];
        string[] writers = thread.Scope == ThreadScope.Class
            ? [ShareRight.Read.Key, ShareRight.Comment.Key, ShareRight.Contrib.Key, ShareRight.Publish.Key]
            : [ShareRight.Read.Key, ShareRight.Comment.Key, ShareRight.Contrib.Key];
        return [.. groups.Where(g => g.Profile is not null and not Profile.Guest)
            .Select(g => new ShareChange(PrincipalKind.Group, g.Id, g.Profile is Profile.Teacher or Profile.Personnel ? writers : readers))];
    }

    private static string Check(ThreadForm form, Problems problems)
    {
        var title = (form.Title ?? "").Trim();
        if (title.Length == 0)
        {
            problems.Add(TitleField, "Thread.Error.TitleEmpty");
        }
        else if (title.Length > NewsThread.TitleMax)
        {
            problems.Add(TitleField, "Thread.Error.TitleLong");
        }

        return title;
    }

    private static string Color(string? color) => NewsThread.Colors.Contains(color ?? "", StringComparer.Ordinal) ? color! : NewsThread.Colors[0];

    private static ThreadSummary Summary(NewsThread t, ThreadRights rights, bool owned) =>
        new(t.Id, t.Title, t.Color, t.Scope, t.StructureId, owned, rights, t.CommentsEnabled, t.CommentsModerated);
}
