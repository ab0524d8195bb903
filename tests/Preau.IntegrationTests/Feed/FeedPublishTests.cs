using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.IntegrationTests.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// The notification contract: an event told to a class reaches exactly its members as they stand
/// at publication, repeats merge, preferences and profile defaults turn a type off, and a reported
/// item leaves the reporter's feed for the moderators' queue.
/// </summary>
public abstract class FeedPublishTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_to_a_class_reaches_its_members_and_no_one_else()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var parents = await app.GroupAsync("CE2 A", Profile.Relative);
        var published = await app.PublishAsync(FeedData.Note(claire, "Sortie au musée", groups: [pupils, parents]));

        Assert.True(await app.SeesAsync(await app.PersonAsync(Personas.Lea), published.EventId), "A pupil of the class");
        Assert.True(await app.SeesAsync(await app.PersonAsync("ce2-pupil"), published.EventId), "Another pupil of the class");
        Assert.True(await app.SeesAsync(await app.PersonAsync("ce2-parent"), published.EventId), "A parent of the class");
        Assert.False(await app.SeesAsync(claire, published.EventId), "The actor is not told of her own event");
        Assert.False(await app.SeesAsync(await app.PersonAsync("cp-pupil"), published.EventId), "A pupil of another class");
        Assert.False(await app.SeesAsync(await app.PersonAsync("cp-parent"), published.EventId), "A parent of another class");
        Assert.False(await app.SeesAsync(await app.PersonAsync(Personas.Hugo), published.EventId), "A pupil of another school");
        Assert.False(await app.SeesAsync(await app.PersonAsync(Personas.Isabelle), published.EventId), "The director, not in the audience");

        // Exactly the distinct members of the two groups, less the actor, each once.
        var expected = await app.WithDbAsync(db => db.GroupMembers.Where(m => (m.GroupId == pupils || m.GroupId == parents) && m.UserId != claire)
            .Select(m => m.UserId).Distinct().CountAsync(Ct));
        Assert.Equal(expected, published.NewRecipients);
        Assert.Equal(expected, await app.RecipientCountAsync(published.EventId));
    }

    [Fact]
    public async Task The_item_reads_in_the_person_s_words_with_the_actor_and_the_values()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var published = await app.PublishAsync(FeedData.Note(claire, "Poésie à apprendre", users: [lea]));

        var item = await app.WithFeedAsync(async f => (await f.PageAsync(lea, new FeedQuery(), Ct)).Items.Single(i => i.EventId == published.EventId));
        Assert.Equal("Claire Martin a publié la note « Poésie à apprendre »", item.Text);
        Assert.Equal("Poésie à apprendre", item.ShortText);
        Assert.Equal("tests", item.App);
        Assert.Equal("/tests/notes", item.Link);
        Assert.True(item.Unread);
    }

    [Fact]
    public async Task A_person_who_joins_a_group_later_sees_only_the_events_opened_to_later_members()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var newcomer = await app.PersonAsync("cp-pupil");
        Guid groupId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Preau.Platform.Persistence.PreauDbContext>();
            var structure = await db.Structures.Where(s => s.Uai == "0751235B").Select(s => s.Id).SingleAsync(Ct);
            groupId = scope.ServiceProvider.GetRequiredService<DirectoryWriter>().CreateGroup(structure, "Chorale", GroupKind.Manual).Id;
            await db.SaveChangesAsync(Ct);
        }

        var closed = await app.PublishAsync(FeedData.Note(claire, "Répétition", groups: [groupId]));
        var open = await app.PublishAsync(FeedData.Note(claire, "Chant de Noël", groups: [groupId]) with { ReachesLaterMembers = true });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<DirectoryWriter>();
            var db = scope.ServiceProvider.GetRequiredService<Preau.Platform.Persistence.PreauDbContext>();
            await writer.AddToGroupAsync(await db.Users.SingleAsync(u => u.Id == newcomer, Ct), await db.Groups.SingleAsync(g => g.Id == groupId, Ct), Ct);
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(1, await app.WithFeedAsync(f => f.CatchUpAsync(newcomer, Ct)));
        Assert.Equal(0, await app.WithFeedAsync(f => f.CatchUpAsync(newcomer, Ct)));
        Assert.False(await app.SeesAsync(newcomer, closed.EventId), "An event told before they joined");
        Assert.True(await app.SeesAsync(newcomer, open.EventId), "An event the module opened to later members");
    }

    [Fact]
    public async Task Repeats_by_the_same_actor_on_the_same_resource_within_seconds_merge()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var other = await app.PersonAsync("ce2-pupil");
        var resource = "tests.note:" + Guid.NewGuid();
        var first = await app.PublishAsync(FeedData.Note(claire, "Brouillon", users: [lea], resource: resource));
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        var second = await app.PublishAsync(FeedData.Note(claire, "Version finale", users: [lea, other], resource: resource));

        Assert.True(second.Merged);
        Assert.Equal(first.EventId, second.EventId);
        Assert.Equal(1, second.NewRecipients);
        Assert.Equal(2, await app.RecipientCountAsync(first.EventId));
        var item = await app.WithFeedAsync(async f => (await f.PageAsync(lea, new FeedQuery(), Ct)).Items.Single(i => i.EventId == first.EventId));
        Assert.Equal("Version finale", item.ShortText);
        Assert.Equal(1, item.Repeats);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var later = await app.PublishAsync(FeedData.Note(claire, "Encore", users: [lea], resource: resource));
        Assert.False(later.Merged);
        Assert.NotEqual(first.EventId, later.EventId);
    }

    [Fact]
    public async Task A_type_turned_off_by_the_person_or_by_their_profile_s_default_is_not_delivered()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var pupil = await app.PersonAsync("ce2-pupil");
        var parent = await app.PersonAsync("ce2-parent");
        var sophie = await app.PersonAsync(Personas.Sophie);
        await app.WithDbAsync(async db =>
        {
            db.Add(new FeedPreference { UserId = lea, Type = TestNotesModule.NoteFeedType, Channel = FeedChannel.Never });
            db.Add(new FeedTypeDefault { Type = TestNotesModule.NoteFeedType, Profile = Profile.Relative, Channel = FeedChannel.Never });
            db.Add(new FeedPreference { UserId = sophie, Type = TestNotesModule.NoteFeedType, Channel = FeedChannel.Daily });
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        try
        {
            var published = await app.PublishAsync(FeedData.Note(claire, "Réunion", users: [lea, pupil, parent, sophie]));
            Assert.False(await app.SeesAsync(lea, published.EventId), "She turned the type off");
            Assert.True(await app.SeesAsync(pupil, published.EventId), "Pupils keep the default");
            Assert.False(await app.SeesAsync(parent, published.EventId), "Parents' default is off");
            Assert.True(await app.SeesAsync(sophie, published.EventId), "A parent who chose the digest still has the item");
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                await db.Set<FeedPreference>().Where(p => p.Type == TestNotesModule.NoteFeedType).ExecuteDeleteAsync(Ct);
                return await db.Set<FeedTypeDefault>().Where(p => p.Type == TestNotesModule.NoteFeedType).ExecuteDeleteAsync(Ct);
            });
        }
    }

    [Fact]
    public async Task A_reported_item_leaves_the_reporter_s_feed_and_waits_for_the_school_s_moderators()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var other = await app.PersonAsync("ce2-pupil");
        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var published = await app.PublishAsync(FeedData.Note(claire, "Texte douteux", groups: [pupils]));

        Assert.True(await app.WithFeedAsync(f => f.ReportAsync(lea, published.EventId, "Ce n'est pas gentil", Ct)));
        Assert.True(await app.WithFeedAsync(f => f.ReportAsync(lea, published.EventId, null, Ct)), "Reporting twice is reporting once");
        var stranger = await app.PersonAsync("cp-pupil");
        Assert.False(await app.WithFeedAsync(f => f.ReportAsync(stranger, published.EventId, null, Ct)), "Not one of their items");

        Assert.False(await app.SeesAsync(lea, published.EventId));
        Assert.True(await app.SeesAsync(other, published.EventId), "Others still see it until a moderator decides");
        var report = await app.WithDbAsync(db => db.Set<FeedReport>().SingleAsync(r => r.EventId == published.EventId, Ct));
        var school = await app.WithDbAsync(db => db.Structures.Where(s => s.Uai == "0751235B").Select(s => s.Id).SingleAsync(Ct));
        Assert.Equal(school, report.StructureId);
        Assert.Equal(FeedReportDecision.Pending, report.Decision);
        Assert.Equal("Ce n'est pas gentil", report.Reason);
    }

    [Fact]
    public async Task The_unread_count_follows_reading_and_stops_at_its_cap()
    {
        var claire = await app.PersonAsync(Personas.Claire);
        var reader = await app.PersonAsync("cp-teacher");
        await app.WithFeedAsync(f => f.MarkAllReadAsync(reader, Ct));
        Assert.Equal(0, await app.WithFeedAsync(f => f.UnreadCountAsync(reader, Ct)));

        var first = await app.PublishAsync(FeedData.Note(claire, "Un", users: [reader]));
        await app.PublishAsync(FeedData.Note(claire, "Deux", users: [reader]));
        Assert.Equal(2, await app.WithFeedAsync(f => f.UnreadCountAsync(reader, Ct)));
        Assert.True(await app.WithFeedAsync(f => f.MarkReadAsync(reader, first.EventId, Ct)));
        Assert.Equal(1, await app.WithFeedAsync(f => f.UnreadCountAsync(reader, Ct)));
        Assert.Equal("/tests/notes", await app.WithFeedAsync(f => f.OpenAsync(reader, first.EventId, Ct)));
        Assert.Null(await app.WithFeedAsync(f => f.OpenAsync(claire, first.EventId, Ct)));

        for (var i = 0; i < 101; i++)
        {
            await app.PublishAsync(FeedData.Note(claire, "Note " + i, users: [reader]));
        }

        var count = await app.WithFeedAsync(f => f.UnreadCountAsync(reader, Ct));
        Assert.Equal(100, count);
        Assert.True(await app.WithFeedAsync(f => Task.FromResult(f.IsOverCap(count))));
        Assert.Equal(102, await app.WithFeedAsync(f => f.MarkAllReadAsync(reader, Ct)));
        Assert.Equal(0, await app.WithFeedAsync(f => f.UnreadCountAsync(reader, Ct)));

        // Pages follow each other without a gap or a repeat.
        var seen = new HashSet<long>();
        long? before = null;
        do
        {
            var page = await app.WithFeedAsync(f => f.PageAsync(reader, new FeedQuery(Before: before, Size: 25), Ct));
            Assert.All(page.Items, i => Assert.True(seen.Add(i.EventId)));
            before = page.NextBefore;
        }
        while (before is not null);
        Assert.Equal(103, seen.Count);
    }
}

public sealed class SqliteFeedPublishTests(SqliteApp app) : FeedPublishTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFeedPublishTests(PostgresApp app) : FeedPublishTests(app), IClassFixture<PostgresApp>;
