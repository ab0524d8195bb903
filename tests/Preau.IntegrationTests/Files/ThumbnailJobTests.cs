using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.IntegrationTests.Jobs;
using Preau.Platform.Files;
using Preau.Platform.Jobs;
using Preau.Platform.Storage;
using Preau.Testing;
using Preau.UnitTests.Files;
using SkiaSharp;

namespace Preau.IntegrationTests.Files;

/// <summary>What the test target was told: made (reference, thumbnail) or refused (reference, problem).</summary>
public sealed class ThumbnailLog
{
    public ConcurrentDictionary<string, MadeThumbnail> Made { get; } = new();

    public ConcurrentDictionary<string, ThumbnailProblem> Refused { get; } = new();
}

/// <summary>A module's target, as a test: keeps every thumbnail but the one asked for "decline".</summary>
internal sealed class TestThumbnailTarget(ThumbnailLog log) : IThumbnailTarget
{
    public const string Name = "tests.thumbnail";

    public Task<bool> ThumbnailMadeAsync(string reference, MadeThumbnail thumbnail, CancellationToken ct)
    {
        log.Made[reference] = thumbnail;
        return Task.FromResult(reference != "decline");
    }

    public Task ThumbnailRefusedAsync(string reference, ThumbnailProblem problem, CancellationToken ct)
    {
        log.Refused[reference] = problem;
        return Task.CompletedTask;
    }
}

public abstract class ThumbnailApp(DatabaseKind kind) : PreauApp(kind)
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Jobs:PollInterval"] = "00:00:00.100";
            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ThumbnailLog>();
            services.AddThumbnailTarget<TestThumbnailTarget>(TestThumbnailTarget.Name);
        });
    }
}

public sealed class SqliteThumbnailApp() : ThumbnailApp(DatabaseKind.Sqlite);

public sealed class PostgresThumbnailApp() : ThumbnailApp(DatabaseKind.Postgres);

/// <summary>
/// The <c>files.thumbnail</c> job: a module enqueues a blob key and its target; the thumbnail is
/// made (bounded, upright, WebP), stored as a referenced blob and handed to the target; a bomb is
/// refused from its header; a target that declines holds nothing.
/// </summary>
public abstract class ThumbnailJobTests(ThumbnailApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ThumbnailLog Log => app.Services.GetRequiredService<ThumbnailLog>();

    private async Task<string> StoreAsync(byte[] content)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<BlobRegistry>().StoreAsync(new MemoryStream(content), content.Length, Ct)).Key;
    }

    private async Task<long> EnqueueAsync(string key, string reference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<Thumbnails>().EnqueueAsync(key, TestThumbnailTarget.Name, reference, Ct))!.Value;
    }

    private Task<int?> RefsAsync(string key) => app.WithDbAsync(db => db.Set<BlobRecord>().Where(b => b.Key == key).Select(b => (int?)b.RefCount).FirstOrDefaultAsync(Ct));

    [Fact]
    public async Task A_picture_enqueued_comes_back_as_a_small_webp_held_like_any_blob()
    {
        var reference = Guid.NewGuid().ToString();
        var source = await StoreAsync(TestImages.Picture(1200, 800, SKEncodedImageFormat.Jpeg));
        var job = await EnqueueAsync(source, reference);
        Assert.Equal(JobState.Done, (await app.WaitForJobAsync(job, j => j.State is JobState.Done or JobState.Dead)).State);

        var made = Log.Made[reference];
        Assert.Equal(("image/webp", 320, 213), (made.MediaType, made.Width, made.Height));
        Assert.Equal(1, await RefsAsync(made.Key));
        Assert.Equal(1, await RefsAsync(source));
        await using var content = (await app.Services.GetRequiredService<IBlobStore>().OpenReadAsync(made.Key, Ct))!;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, Ct);
        Assert.Equal("image/webp", FileSniffer.Sniff(copy.ToArray())?.MediaType);
        using var decoded = SKBitmap.Decode(copy.ToArray());
        Assert.Equal((320, 213), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task A_bomb_and_a_non_picture_are_refused_once_and_a_declined_thumbnail_is_not_held()
    {
        var bomb = Guid.NewGuid().ToString();
        var html = Guid.NewGuid().ToString();
        var bombJob = await EnqueueAsync(await StoreAsync(TestImages.PngClaiming(20_000, 20_000)), bomb);
        var htmlJob = await EnqueueAsync(await StoreAsync("<html><script>alert(1)</script></html>"u8.ToArray()), html);
        Assert.Equal(JobState.Done, (await app.WaitForJobAsync(bombJob, j => j.State is JobState.Done or JobState.Dead)).State);
        Assert.Equal(JobState.Done, (await app.WaitForJobAsync(htmlJob, j => j.State is JobState.Done or JobState.Dead)).State);
        Assert.Equal(ThumbnailProblem.TooManyPixels, Log.Refused[bomb]);
        Assert.Equal(ThumbnailProblem.NotAnImage, Log.Refused[html]);
        Assert.False(Log.Made.ContainsKey(bomb));

        // Declined: the thumbnail's reference is rolled back with the transaction (the collector takes the content).
        var declined = await EnqueueAsync(await StoreAsync(TestImages.Picture(90, 60, SKEncodedImageFormat.Png)), "decline");
        Assert.Equal(JobState.Done, (await app.WaitForJobAsync(declined, j => j.State is JobState.Done or JobState.Dead)).State);
        Assert.Null(await RefsAsync(Log.Made["decline"].Key));
    }
}

public sealed class SqliteThumbnailJobTests(SqliteThumbnailApp app) : ThumbnailJobTests(app), IClassFixture<SqliteThumbnailApp>;

public sealed class PostgresThumbnailJobTests(PostgresThumbnailApp app) : ThumbnailJobTests(app), IClassFixture<PostgresThumbnailApp>;
