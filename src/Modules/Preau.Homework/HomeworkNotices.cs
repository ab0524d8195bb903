using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Directory.Features;
using Preau.Platform.Feed;
using Preau.Platform.Jobs;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Homework;

/// <summary>
/// What the cahier de textes tells the fil d'actualité: homework set or changed for a near day
/// (up to the second school day from today), to its pupils and their parents. Homework for a later
/// day is in "À faire" and the calendars without a notice: a week's plan must not ring every phone.
/// Homework prepared to show later is told when it shows (a job at that moment), if its day is near then.
/// </summary>
public sealed class HomeworkNotices(PreauDbContext db, FeedPublisher feed, SchoolCalendar calendar, JobQueue jobs, TimeProvider clock)
{
    public const string Set = "homework.set";

    /// <summary>The job that tells the families of prepared homework when it shows.</summary>
    public const string ShowsJob = "homework.shows";

    internal sealed record Shows(Guid HomeworkId, DateTimeOffset At);

    public const string Changed = "homework.changed";

    public static string Key(Guid homeworkId) => $"homework:{homeworkId}";

    /// <summary>Whether a due day is near enough to tell the families now.</summary>
    public bool IsNear(DateOnly due)
    {
        var today = calendar.Today();
        var second = calendar.NextSchoolDay(calendar.NextSchoolDay(today));
        return due >= today && due <= second;
    }

    internal async Task SetAsync(UserContext me, BookView view, HwHomework homework, bool isChange, CancellationToken ct)
    {
        // A change takes back what the families were told before (a homework moved to a later day
        // keeps no notice of its old day).
        if (isChange)
        {
            await feed.WithdrawAsync(Key(homework.Id), ct);
        }

        if (homework.VisibleFrom is { } from && from > clock.GetUtcNow().AddMinutes(1))
        {
            await jobs.EnqueueAsync(ShowsJob, new Shows(homework.Id, from), from, uniqueKey: $"homework:{homework.Id}:{from.UtcTicks}", ct: ct);
            return;
        }

        if (!IsNear(homework.DueOn))
        {
            return;
        }

        var pupils = homework.Targeted
            ? await db.Set<HwTarget>().Where(t => t.HomeworkId == homework.Id).Select(t => t.PupilId).ToListAsync(ct)
            : await db.GroupMembers.Where(m => m.GroupId == homework.AudienceGroupId)
                .Join(db.Users.Where(u => u.Profile == Profile.Student), m => m.UserId, u => u.Id, (m, u) => u.Id).ToListAsync(ct);
        var parents = await db.ParentLinks.Where(l => pupils.Contains(l.StudentId)).Select(l => l.RelativeId).Distinct().ToListAsync(ct);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["book"] = view.Title,
            ["summary"] = homework.Summary,
            // A day the feed writes in each reader's language.
            ["due_day"] = DayNames.Iso(homework.DueOn),
        };
        await feed.PublishAsync(new FeedNotice(isChange ? Changed : Set, me.Id, Key(homework.Id), HomeworkModule.ToDoUrl, values)
        {
            Users = [.. pupils, .. parents],
            StructureId = view.Book.StructureId,
        }, ct);
    }

    internal Task WithdrawAsync(Guid homeworkId, CancellationToken ct) => feed.WithdrawAsync(Key(homeworkId), ct);

    /// <summary>
    /// Prepared homework shows: its families are told as if it were set now, in its author's name,
    /// unless it was changed (another moment), removed, or its author no longer writes in its book.
    /// </summary>
    internal async Task<bool> ShowsAsync(Guid homeworkId, DateTimeOffset at, LoadUserContext users, HomeworkAccess access, CancellationToken ct)
    {
        var homework = await db.Set<HwHomework>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == homeworkId, ct);
        if (homework is null || homework.VisibleFrom != at || await users.LoadAsync(homework.AuthorId, ct) is not { } author
            || await access.FindAsync(author, homework.BookId, ct) is not { CanWrite: true } view)
        {
            return false;
        }

        await SetAsync(author, view, homework, isChange: false, ct);
        return true;
    }

    internal static IServiceCollection AddHomeworkFeed(IServiceCollection services)
    {
        services.AddJobHandler<HomeworkShows>(ShowsJob);
        services.AddFeedType(new FeedType(Set, HomeworkModule.App, "homework", typeof(HomeworkStrings), "Feed.Set.Label", "Feed.Set.Text", "Feed.Set.Short")
        {
            Defaults = new Dictionary<Profile, FeedChannel> { [Profile.Student] = FeedChannel.Feed, [Profile.Relative] = FeedChannel.Feed },
        });
        services.AddFeedType(new FeedType(Changed, HomeworkModule.App, "homework", typeof(HomeworkStrings), "Feed.Changed.Label", "Feed.Changed.Text", "Feed.Changed.Short")
        {
            PushByDefault = true,
        });
        return services;
    }
}

/// <summary>Tells the families of prepared homework at the moment it shows (<see cref="HomeworkNotices.ShowsAsync"/>).</summary>
internal sealed class HomeworkShows(HomeworkNotices notices, LoadUserContext users, HomeworkAccess access) : IJobHandler
{
    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var payload = job.Read<HomeworkNotices.Shows>();
        await notices.ShowsAsync(payload.HomeworkId, payload.At, users, access, ct);
    }
}
