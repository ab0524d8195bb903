using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Preau.IntegrationTests.Communication;
using Preau.IntegrationTests.Jobs;
using Preau.Platform.Feed;
using Preau.Platform.Jobs;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// Feed emails over a real SMTP exchange on loopback: each person's channel for a type (their
/// choice, else the SuperAdmin's default for their profile, else the module's) decides between an
/// immediate email, the daily digest, the weekly digest or no email; a digest holds exactly the
/// person's unread, not hidden items of its period, and a second run of the same period sends
/// nothing again.
/// </summary>
public abstract class FeedMailTests(FeedMailApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly JobSchedule Daily = JobSchedule.Parse("17:30");
    private static readonly JobSchedule Weekly = JobSchedule.Parse("Friday 17:30");
    private const string DailyDigestJobKind = "feed.digest.daily";

    [Fact]
    public async Task Preferences_route_each_type_to_the_right_channel()
    {
        var note = TestNotesModule.NoteFeedType;
        var sophie = await app.ChoosesAsync(Personas.Sophie, new Dictionary<string, FeedChannel> { [note] = FeedChannel.Daily });
        var marc = await app.ChoosesAsync(Personas.Marc, new Dictionary<string, FeedChannel> { [note] = FeedChannel.Weekly });
        var paul = await app.ChoosesAsync(Personas.Paul, new Dictionary<string, FeedChannel> { [note] = FeedChannel.Immediate }, language: "en");
        var hugo = await app.ChoosesAsync(Personas.Hugo, new Dictionary<string, FeedChannel> { [note] = FeedChannel.Feed });
        var nina = await app.ChoosesAsync(Personas.Nina, new Dictionary<string, FeedChannel> { [note] = FeedChannel.Never });
        // Karim chose nothing: the SuperAdmin's default for périscolaire animators is an immediate email.
        var karim = await app.ChoosesAsync(Personas.Karim, new Dictionary<string, FeedChannel>());
        await app.WithDbAsync(async db =>
        {
            db.Add(new FeedTypeDefault { Type = note, Profile = Profile.Periscolaire, Channel = FeedChannel.Immediate });
            await db.SaveChangesAsync(Ct);
        });
        string[] everyone = [Personas.Sophie, Personas.Marc, Personas.Paul, Personas.Hugo, Personas.Nina, Personas.Karim];
        await FlushAsync();

        var title = "Sortie au musée " + Guid.NewGuid().ToString("N")[..6];
        var published = await app.PublishAsync(FeedData.Note(await app.PersonAsync(Personas.Claire), title, users: [sophie, marc, paul, hugo, nina, karim]));
        await IdleAsync();

        // At once: Karim (the SuperAdmin's default) and Paul (his choice, in English), nobody else.
        var immediate = app.Smtp.Drain().For(everyone);
        Assert.Equal([FeedMailData.Address(Personas.Karim), FeedMailData.Address(Personas.Paul)], immediate.Select(m => m.To()).Order());
        var toKarim = immediate.Single(m => m.To() == FeedMailData.Address(Personas.Karim));
        Assert.Equal($"Nouveau\u00a0: Claire Martin a publié la note « {title} »", toKarim.Subject);
        Assert.Contains(FeedMailApp.PublicUrl + "/tests/notes", toKarim.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{FeedMailApp.PublicUrl}/tests/notes\"", toKarim.HtmlBody, StringComparison.Ordinal);
        Assert.Equal($"<{FeedMailApp.PublicUrl}/fil/preferences>", toKarim.Headers["List-Unsubscribe"]);
        var toPaul = immediate.Single(m => m.To() == FeedMailData.Address(Personas.Paul));
        Assert.StartsWith("New: ", toPaul.Subject, StringComparison.Ordinal);
        Assert.Contains("Hello Paul Bernard,", toPaul.TextBody, StringComparison.Ordinal);

        // The day's digest: Sophie only.
        await MoveToAsync(Daily.Next(app.Clock.GetUtcNow()));
        var daily = app.Smtp.Drain().For(everyone);
        var toSophie = Assert.Single(daily);
        Assert.Equal(FeedMailData.Address(Personas.Sophie), toSophie.To());
        Assert.Equal("Quoi de neuf\u202f? — 1 nouveauté aujourd’hui", toSophie.Subject);
        Assert.Contains(title, toSophie.TextBody, StringComparison.Ordinal);

        // The week's digest: Marc only; Sophie, with nothing new since, gets no other digest.
        await MoveToAsync(Weekly.Next(app.Clock.GetUtcNow()));
        var weekly = app.Smtp.Drain().For(everyone);
        var toMarc = Assert.Single(weekly);
        Assert.Equal(FeedMailData.Address(Personas.Marc), toMarc.To());
        Assert.Equal("Quoi de neuf\u202f? — 1 nouveauté cette semaine", toMarc.Subject);
        Assert.Contains(title, toMarc.TextBody, StringComparison.Ordinal);

        // Hugo has the item in his feed, without email; Nina has nothing at all.
        Assert.True(await app.SeesAsync(hugo, published.EventId));
        Assert.False(await app.SeesAsync(nina, published.EventId));
        await app.WithDbAsync(db => db.Set<FeedTypeDefault>().Where(d => d.Type == note).ExecuteDeleteAsync(Ct));
    }

    [Fact]
    public async Task A_digest_contains_exactly_the_unread_items_of_its_period()
    {
        var note = TestNotesModule.NoteFeedType;
        var sophie = await app.ChoosesAsync(Personas.Sophie, new Dictionary<string, FeedChannel>
        {
            [note] = FeedChannel.Daily,
            [FeedMailApp.CommentType] = FeedChannel.Weekly,
        });
        var karim = await app.ChoosesAsync(Personas.Karim, new Dictionary<string, FeedChannel> { [note] = FeedChannel.Daily });
        var claire = await app.PersonAsync(Personas.Claire);
        var tag = Guid.NewGuid().ToString("N")[..6];
        string Title(string what) => $"{what} {tag}";
        await FlushAsync();

        // Last period: an item Sophie never read.
        await app.PublishAsync(FeedData.Note(claire, Title("Ancienne"), users: [sophie]));
        await MoveToAsync(Daily.Next(app.Clock.GetUtcNow()));
        Assert.Contains(Title("Ancienne"), Assert.Single(app.Smtp.Drain().For(Personas.Sophie)).TextBody, StringComparison.Ordinal);

        // This period.
        await PublishAsync(FeedData.Note(claire, Title("Nouvelle"), users: [sophie]));
        var read = await PublishAsync(FeedData.Note(claire, Title("Lue"), users: [sophie]));
        var hidden = await PublishAsync(FeedData.Note(claire, Title("Masquée"), users: [sophie]));
        await PublishAsync(FeedData.Note(claire, Title("Commentée"), users: [sophie]) with { Type = FeedMailApp.CommentType });
        await PublishAsync(FeedData.Note(claire, Title("Blog"), users: [sophie]) with { Type = FeedMailApp.DigestDefaultType });
        await PublishAsync(FeedData.Note(claire, Title("Pour Karim"), users: [karim]));
        Assert.True(await app.WithFeedAsync(f => f.MarkReadAsync(sophie, read.EventId, Ct)));
        Assert.True(await app.WithFeedAsync(f => f.HideAsync(sophie, hidden.EventId, Ct)));
        var occurrence = Daily.Next(app.Clock.GetUtcNow());
        await MoveToAsync(occurrence);

        var messages = app.Smtp.Drain();
        var digest = Assert.Single(messages.For(Personas.Sophie));
        Assert.Equal("Quoi de neuf\u202f? — 2 nouveautés aujourd’hui", digest.Subject);
        var text = digest.TextBody ?? string.Empty;
        Assert.Contains(Title("Nouvelle"), text, StringComparison.Ordinal);
        Assert.Contains(Title("Blog"), text, StringComparison.Ordinal); // the module's default for parents
        foreach (var excluded in new[] { "Ancienne", "Lue", "Masquée", "Commentée", "Pour Karim" })
        {
            Assert.DoesNotContain(Title(excluded), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Title(excluded), digest.HtmlBody, StringComparison.Ordinal);
        }

        // Grouped by application, newest first: the blog item came last, so its group leads.
        Assert.True(text.IndexOf("BLOG", StringComparison.Ordinal) < text.IndexOf("TESTS", StringComparison.Ordinal));
        Assert.True(text.IndexOf(Title("Blog"), StringComparison.Ordinal) < text.IndexOf(Title("Nouvelle"), StringComparison.Ordinal));
        Assert.Contains($"{FeedMailApp.PublicUrl}/fil/preferences", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{FeedMailApp.PublicUrl}/fil/preferences\"", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{FeedMailApp.PublicUrl}/tests/notes\"", digest.HtmlBody, StringComparison.Ordinal);
        Assert.Equal($"<{FeedMailApp.PublicUrl}/fil/preferences>", digest.Headers["List-Unsubscribe"]);
        Assert.IsType<MultipartAlternative>(digest.Body);

        // Karim got his own digest, with his item only.
        var toKarim = Assert.Single(messages.For(Personas.Karim));
        Assert.Contains(Title("Pour Karim"), toKarim.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Title("Nouvelle"), toKarim.TextBody, StringComparison.Ordinal);

        // The same period again (a retried or repeated job): nobody is emailed twice.
        await app.EnqueueAsync(DailyDigestJobKind, new RecurringOccurrence(occurrence, Daily.Previous(occurrence)));
        await IdleAsync();
        Assert.Empty(app.Smtp.Drain().For(Personas.Sophie, Personas.Karim));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Job>().CountAsync(j => j.Kind == DailyDigestJobKind && j.State == JobState.Done
            && j.Payload.Contains(occurrence.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)) && j.UniqueKey == null, Ct)));
    }

    private async Task<FeedPublished> PublishAsync(FeedNotice notice)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return await app.PublishAsync(notice);
    }

    /// <summary>Moves the clock just past an instant and lets the due jobs run.</summary>
    private async Task MoveToAsync(DateTimeOffset instant)
    {
        app.Clock.SetUtcNow(instant + TimeSpan.FromSeconds(1));
        await IdleAsync();
    }

    /// <summary>Runs what is due and forgets the messages so far: each test reads only its own.</summary>
    private async Task FlushAsync()
    {
        await IdleAsync();
        app.Smtp.Drain();
    }

    /// <summary>Lets the due jobs run, and checks that none of the feed's jobs failed.</summary>
    private async Task IdleAsync()
    {
        await app.JobsIdleAsync();
        var failed = await app.WithDbAsync(db => db.Set<Job>().Where(j => j.Kind.StartsWith("feed.") && j.LastError != null).Select(j => j.Kind + ": " + j.LastError).ToListAsync(Ct));
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }
}

public sealed class SqliteFeedMailTests(SqliteFeedMailApp app) : FeedMailTests(app), IClassFixture<SqliteFeedMailApp>;

public sealed class PostgresFeedMailTests(PostgresFeedMailApp app) : FeedMailTests(app), IClassFixture<PostgresFeedMailApp>;
