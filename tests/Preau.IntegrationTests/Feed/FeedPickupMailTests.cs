using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Preau.IntegrationTests.Communication;
using Preau.IntegrationTests.Jobs;
using Preau.Platform.Feed;
using Preau.Platform.Hosting;
using Preau.Testing;

namespace Preau.IntegrationTests.Feed;

/// <summary>Without an SMTP server, the embedded default writes the feed's emails to the pickup folder.</summary>
public abstract class FeedPickupMailTests(PreauApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_immediate_email_lands_in_the_pickup_folder()
    {
        var folder = Path.Combine(app.Services.GetRequiredService<IOptions<PreauOptions>>().Value.FullDataPath, "mail");
        var karim = await app.ChoosesAsync(Personas.Karim, new Dictionary<string, FeedChannel> { [TestNotesModule.NoteFeedType] = FeedChannel.Immediate });
        var title = "Goûter partagé " + Guid.NewGuid().ToString("N")[..6];

        await app.PublishAsync(FeedData.Note(await app.PersonAsync(Personas.Claire), title, users: [karim]));
        await app.JobsIdleAsync();

        MimeMessage? found = null;
        for (var i = 0; i < 100 && found is null; i++)
        {
            foreach (var file in System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file, Ct);
                if (message.Subject?.Contains(title, StringComparison.Ordinal) == true)
                {
                    found = message;
                }
            }

            if (found is null)
            {
                await Task.Delay(100, Ct);
            }
        }

        Assert.NotNull(found);
        Assert.Equal(FeedMailData.Address(Personas.Karim), found.To());
        Assert.Contains("http://localhost/tests/notes", found.TextBody, StringComparison.Ordinal);
        Assert.Equal("<http://localhost/fil/preferences>", found.Headers["List-Unsubscribe"]);
    }
}

public sealed class SqliteFeedPickupMailTests(SqliteApp app) : FeedPickupMailTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFeedPickupMailTests(PostgresApp app) : FeedPickupMailTests(app), IClassFixture<PostgresApp>;
