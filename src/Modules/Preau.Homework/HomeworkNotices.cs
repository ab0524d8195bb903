using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Homework.Domain;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Homework;

/// <summary>
/// What the cahier de textes tells the fil d'actualité: homework set or changed for a near day
/// (up to the second school day from today), to its pupils and their parents. Homework for a later
/// day is in "À faire" and the calendars without a notice: a week's plan must not ring every phone.
/// </summary>
public sealed class HomeworkNotices(PreauDbContext db, FeedPublisher feed, SchoolCalendar calendar, TimeProvider clock)
{
    public const string Set = "homework.set";

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

        if (!IsNear(homework.DueOn) || (homework.VisibleFrom is { } from && from > clock.GetUtcNow().AddMinutes(1)))
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

    internal static IServiceCollection AddHomeworkFeed(IServiceCollection services)
    {
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
