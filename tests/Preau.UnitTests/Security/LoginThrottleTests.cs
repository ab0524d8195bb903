using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Preau.Platform.Security;

namespace Preau.UnitTests.Security;

public sealed class LoginThrottleTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 14, 7, 45, 0, TimeSpan.Zero));
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests()
    {
        // The cache expires entries on the same fake clock as the throttle, as the system clock
        // drives both in production.
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions { Clock = new FakeClock(_clock) }));
        _throttle = new LoginThrottle(cache, _clock, Options.Create(new LoginThrottleOptions { FailuresPerLogin = 5, FailuresPerAddress = 8, Window = Window }));
    }

    [Fact]
    public async Task A_login_is_free_until_its_failures_reach_the_limit()
    {
        await FailAsync("claire.martin", null, 4);
        Assert.Null(await _throttle.HeldUntilAsync("claire.martin", null, _ct));

        await FailAsync("claire.martin", null, 1);
        Assert.Equal(_clock.GetUtcNow() + Window, await _throttle.HeldUntilAsync("claire.martin", null, _ct));
    }

    [Fact]
    public async Task The_hold_counts_from_the_first_failure_of_the_window()
    {
        var first = _clock.GetUtcNow();
        await FailAsync("claire.martin", null, 1);
        _clock.Advance(TimeSpan.FromMinutes(10));
        await FailAsync("claire.martin", null, 4);

        Assert.Equal(first + Window, await _throttle.HeldUntilAsync("claire.martin", null, _ct));
    }

    [Fact]
    public async Task A_held_login_is_released_when_the_window_is_over()
    {
        await FailAsync("claire.martin", null, 5);

        _clock.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.NotNull(await _throttle.HeldUntilAsync("claire.martin", null, _ct));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _throttle.HeldUntilAsync("claire.martin", null, _ct));
    }

    [Fact]
    public async Task Failures_spread_over_more_than_a_window_never_hold()
    {
        for (var i = 0; i < 10; i++)
        {
            await FailAsync("claire.martin", null, 4);
            _clock.Advance(Window);
        }

        Assert.Null(await _throttle.HeldUntilAsync("claire.martin", null, _ct));
    }

    [Fact]
    public async Task Holding_one_login_leaves_the_others_free()
    {
        await FailAsync("claire.martin", null, 5);

        Assert.NotNull(await _throttle.HeldUntilAsync("claire.martin", null, _ct));
        Assert.Null(await _throttle.HeldUntilAsync("paul.bernard", null, _ct));
    }

    [Fact]
    public async Task A_login_is_counted_whatever_its_case_and_spaces()
    {
        await FailAsync("Claire.Martin", null, 2);
        await FailAsync(" claire.martin ", null, 2);
        await FailAsync("CLAIRE.MARTIN", null, 1);

        Assert.NotNull(await _throttle.HeldUntilAsync("claire.martin", null, _ct));
    }

    [Fact]
    public async Task Unknown_and_known_logins_are_held_alike()
    {
        // The throttle never looks the login up: an unknown one is held after as many failures.
        await FailAsync("claire.martin", null, 5);
        await FailAsync("nobody.here", null, 5);

        Assert.Equal(
            await _throttle.HeldUntilAsync("claire.martin", null, _ct),
            await _throttle.HeldUntilAsync("nobody.here", null, _ct));
        Assert.NotNull(await _throttle.HeldUntilAsync("nobody.here", null, _ct));
    }

    [Fact]
    public async Task An_address_trying_many_logins_is_held_for_every_login()
    {
        for (var i = 0; i < 8; i++)
        {
            await FailAsync($"pupil{i}", "192.0.2.10", 1);
        }

        Assert.NotNull(await _throttle.HeldUntilAsync("claire.martin", "192.0.2.10", _ct));
        Assert.Null(await _throttle.HeldUntilAsync("claire.martin", "192.0.2.11", _ct));
        Assert.Null(await _throttle.HeldUntilAsync("claire.martin", null, _ct));
    }

    [Fact]
    public async Task An_address_below_its_limit_is_free()
    {
        for (var i = 0; i < 7; i++)
        {
            await FailAsync($"pupil{i}", "192.0.2.10", 1);
        }

        Assert.Null(await _throttle.HeldUntilAsync("pupil8", "192.0.2.10", _ct));
    }

    [Fact]
    public async Task A_held_address_is_released_when_the_window_is_over()
    {
        for (var i = 0; i < 8; i++)
        {
            await FailAsync($"pupil{i}", "192.0.2.10", 1);
        }

        _clock.Advance(Window);

        Assert.Null(await _throttle.HeldUntilAsync("pupil9", "192.0.2.10", _ct));
    }

    [Fact]
    public async Task The_later_of_two_holds_wins()
    {
        for (var i = 0; i < 8; i++)
        {
            await FailAsync($"pupil{i}", "192.0.2.10", 1);
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        var loginHeldFrom = _clock.GetUtcNow();
        await FailAsync("claire.martin", null, 5);

        Assert.Equal(loginHeldFrom + Window, await _throttle.HeldUntilAsync("claire.martin", "192.0.2.10", _ct));
    }

    [Fact]
    public async Task A_reset_frees_the_login_but_not_the_address()
    {
        for (var i = 0; i < 8; i++)
        {
            await FailAsync("claire.martin", "192.0.2.10", 1);
        }

        await _throttle.ResetAsync("Claire.Martin", _ct);

        Assert.Null(await _throttle.HeldUntilAsync("claire.martin", null, _ct));
        Assert.NotNull(await _throttle.HeldUntilAsync("claire.martin", "192.0.2.10", _ct));
    }

    private async Task FailAsync(string login, string? address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await _throttle.RecordFailureAsync(login, address, _ct);
        }
    }

    private sealed class FakeClock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
