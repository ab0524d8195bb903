using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Preau.IntegrationTests.Recovery;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>
/// An application whose mail goes over SMTP to a loopback server, with a public address for links
/// and two more test feed types: a second type of the tests application, and a type of another
/// application whose module sends it to parents in the daily digest by default.
/// </summary>
public abstract class FeedMailApp(DatabaseKind kind) : SmtpApp(kind)
{
    public const string PublicUrl = "https://ent.ville.example";
    public const string CommentType = "tests.note-commented";
    public const string DigestDefaultType = "tests.digest-default";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Mail:PublicUrl"] = PublicUrl;
            settings["Jobs:PollInterval"] = "00:00:00.100";
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddFeedType(new FeedType(CommentType, "tests", "news", typeof(TestNoteStrings), "Feed.Label", "Feed.Text", "Feed.Short"));
            services.AddFeedType(new FeedType(DigestDefaultType, "blog", "news", typeof(TestNoteStrings), "Feed.Label", "Feed.Text", "Feed.Short")
            {
                Defaults = new Dictionary<Profile, FeedChannel> { [Profile.Relative] = FeedChannel.Daily },
            });
        });
    }
}

public sealed class SqliteFeedMailApp() : FeedMailApp(DatabaseKind.Sqlite);

public sealed class PostgresFeedMailApp() : FeedMailApp(DatabaseKind.Postgres);

internal static class FeedMailData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Gives the person an address (and a language) and their choice of channel for some types.</summary>
    public static Task<Guid> ChoosesAsync(this PreauApp app, string login, IReadOnlyDictionary<string, FeedChannel> channels, string? language = null) =>
        app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Login == login, Ct);
            user.Email = login + "@familles.example";
            user.Language = language;
            await db.Set<FeedPreference>().Where(p => p.UserId == user.Id).ExecuteDeleteAsync(Ct);
            db.AddRange(channels.Select(c => new FeedPreference { UserId = user.Id, Type = c.Key, Channel = c.Value }));
            await db.SaveChangesAsync(Ct);
            return user.Id;
        });

    public static string Address(string login) => login + "@familles.example";

    /// <summary>The messages the SMTP server received so far for these people.</summary>
    public static List<MimeMessage> For(this IReadOnlyList<MimeMessage> messages, params string[] logins) =>
        [.. messages.Where(m => m.To.Mailboxes.Any(b => logins.Select(Address).Contains(b.Address, StringComparer.OrdinalIgnoreCase)))];

    public static string To(this MimeMessage message) => message.To.Mailboxes.Single().Address;
}
