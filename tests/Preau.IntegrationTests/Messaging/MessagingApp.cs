using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Jobs;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// An application for the messagerie's tests: jobs polled often (scheduled sends), a teacher's
/// mass-send threshold low enough for the demo city's classes, a rate limit a test can reach.
/// </summary>
public abstract class MessagingApp(DatabaseKind kind) : PreauApp(kind)
{
    public const int TeacherAlertThreshold = 60;
    public const int SendsPerWindow = 12;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Jobs:PollInterval"] = "00:00:00.100";
            settings["Messaging:AlertThresholds:Teacher"] = TeacherAlertThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Messaging:SendsPerWindow"] = SendsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return settings;
        }
    }

    /// <summary>Waits until the scheduled-send jobs finished reach <paramref name="count"/>.</summary>
    internal async Task WaitForScheduledSendsAsync(int count)
    {
        var until = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (await this.WithDbAsync(db => db.Set<Job>().CountAsync(j => j.Kind == SendMessage.JobKind && j.State == JobState.Done, TestContext.Current.CancellationToken)) < count)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, "The scheduled send did not run within 30 s.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}

public sealed class SqliteMessagingApp() : MessagingApp(DatabaseKind.Sqlite);

public sealed class PostgresMessagingApp() : MessagingApp(DatabaseKind.Postgres);
