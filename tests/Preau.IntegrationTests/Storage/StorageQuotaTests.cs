using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Kernel;
using Preau.Platform.Storage;
using Preau.Testing;

namespace Preau.IntegrationTests.Storage;

/// <summary>
/// Storage quotas: each profile's default or configured quota, reservations that never pass it,
/// even many at once, releases that never go below zero, and the status with its 80 % alert.
/// </summary>
public abstract class StorageQuotaTests(StorageApp app)
{
    private const long MB = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<bool> ReserveAsync(Guid user, long quota, long bytes) =>
        app.WithAsync<StorageQuota, bool>(q => q.TryReserveAsync(user, quota, bytes, Ct));

    private async Task ReleaseAsync(Guid user, long bytes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StorageQuota>().ReleaseAsync(user, bytes, Ct);
    }

    private async Task<StorageStatus> StatusAsync(Guid user) =>
        (await app.WithAsync<StorageQuota, StorageStatus?>(q => q.StatusAsync(user, Ct)))!;

    [Fact]
    public async Task Each_profile_has_its_quota_and_the_settings_override_the_defaults()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var quota = scope.ServiceProvider.GetRequiredService<StorageQuota>();

        Assert.Equal(100 * MB, quota.QuotaOf(Profile.Student));
        Assert.Equal(100 * MB, quota.QuotaOf(Profile.Relative));
        Assert.Equal(1024 * MB, quota.QuotaOf(Profile.Teacher));
        Assert.Equal(1024 * MB, quota.QuotaOf(Profile.Personnel));
        Assert.Equal(500 * MB, quota.QuotaOf(Profile.Periscolaire));
        Assert.Equal(1 * MB, quota.QuotaOf(Profile.Guest));
        Assert.Null(await quota.StatusAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Reservations_within_the_quota_are_granted_and_one_past_it_is_refused()
    {
        var lea = (await app.UserAsync(Personas.Lea)).Id;
        var quota = 100 * MB;
        Assert.Equal(new StorageStatus(0, quota), await StatusAsync(lea));

        Assert.True(await ReserveAsync(lea, quota, 60 * MB));
        Assert.False(await ReserveAsync(lea, quota, 41 * MB));
        Assert.Equal(60 * MB, (await StatusAsync(lea)).UsedBytes);
        Assert.True(await ReserveAsync(lea, quota, 40 * MB));

        var full = await StatusAsync(lea);
        Assert.Equal(100, full.Percent);
        Assert.True(full.IsFull);
        Assert.Equal(0, full.FreeBytes);
        Assert.False(await ReserveAsync(lea, quota, 1));
        Assert.True(await ReserveAsync(lea, quota, 0));
    }

    [Fact]
    public async Task The_status_warns_from_80_percent_and_releases_never_go_below_zero()
    {
        var sophie = (await app.UserAsync(Personas.Sophie)).Id;
        var quota = 100 * MB;

        Assert.True(await ReserveAsync(sophie, quota, 79 * MB));
        var below = await StatusAsync(sophie);
        Assert.Equal(79, below.Percent);
        Assert.False(below.IsNearlyFull);

        Assert.True(await ReserveAsync(sophie, quota, 1 * MB));
        var nearly = await StatusAsync(sophie);
        Assert.Equal(80, nearly.Percent);
        Assert.True(nearly.IsNearlyFull);
        Assert.False(nearly.IsFull);

        await ReleaseAsync(sophie, 30 * MB);
        Assert.Equal(50 * MB, (await StatusAsync(sophie)).UsedBytes);
        await ReleaseAsync(sophie, 1024 * MB);
        Assert.Equal(0, (await StatusAsync(sophie)).UsedBytes);
        Assert.True(await ReserveAsync(sophie, quota, quota));
    }

    [Fact]
    public async Task A_guest_over_a_smaller_configured_quota_is_refused()
    {
        var karim = (await app.UserAsync(Personas.Karim)).Id;
        await using var scope = app.Services.CreateAsyncScope();
        var guestQuota = scope.ServiceProvider.GetRequiredService<StorageQuota>().QuotaOf(Profile.Guest);

        Assert.False(await ReserveAsync(karim, guestQuota, guestQuota + 1));
        Assert.True(await ReserveAsync(karim, guestQuota, guestQuota));
    }

    [Fact]
    public async Task Concurrent_reservations_together_never_pass_the_quota()
    {
        // Hugo has no usage row yet: the first reservations race to create it too.
        var hugo = (await app.UserAsync(Personas.Hugo)).Id;
        var quota = 100 * MB;

        var granted = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => ReserveAsync(hugo, quota, 10 * MB), Ct)));

        Assert.Equal(10, granted.Count(g => g));
        Assert.Equal(quota, (await StatusAsync(hugo)).UsedBytes);

        // Releases and reservations interleaved: usage ends where the arithmetic says.
        var mixed = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            if (i % 2 == 0)
            {
                await ReleaseAsync(hugo, 10 * MB);
                return true;
            }

            return await ReserveAsync(hugo, quota, 10 * MB);
        }, Ct)));
        var used = (await StatusAsync(hugo)).UsedBytes;
        Assert.InRange(used, 0, quota);
        Assert.Equal(quota - (10 * 10 * MB) + (mixed.Where((_, i) => i % 2 == 1).Count(g => g) * 10 * MB), used);
    }
}

public sealed class SqliteStorageQuotaTests(SqliteStorageApp app) : StorageQuotaTests(app), IClassFixture<SqliteStorageApp>;

public sealed class PostgresStorageQuotaTests(PostgresStorageApp app) : StorageQuotaTests(app), IClassFixture<PostgresStorageApp>;
