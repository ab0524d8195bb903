using System.Globalization;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Preau.Platform.Security;

/// <summary>Bound from "Security:LoginThrottle".</summary>
public sealed class LoginThrottleOptions
{
    /// <summary>Failures allowed on one login inside the window before it is held.</summary>
    public int FailuresPerLogin { get; set; } = 5;

    /// <summary>Failures allowed from one client address inside the window (a classroom shares one address).</summary>
    public int FailuresPerAddress { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Counts failed sign-ins per login and per client address in the distributed cache (memory on
/// one node, Redis on a cluster). Unknown logins are counted like known ones, so the answer never
/// tells whether an account exists.
/// </summary>
public sealed class LoginThrottle(IDistributedCache cache, TimeProvider clock, IOptions<LoginThrottleOptions> options)
{
    private readonly LoginThrottleOptions _options = options.Value;

    /// <summary>When a held login or address may try again; null when it may try now.</summary>
    public async Task<DateTimeOffset?> HeldUntilAsync(string login, string? address, CancellationToken ct)
    {
        var byLogin = await ReadAsync(LoginKey(login), ct);
        var byAddress = address is null ? null : await ReadAsync(AddressKey(address), ct);
        DateTimeOffset? until = null;
        if (byLogin is { } l && l.Count >= _options.FailuresPerLogin)
        {
            until = l.WindowStart + _options.Window;
        }

        if (byAddress is { } a && a.Count >= _options.FailuresPerAddress)
        {
            var addressUntil = a.WindowStart + _options.Window;
            until = until is null || addressUntil > until ? addressUntil : until;
        }

        return until > clock.GetUtcNow() ? until : null;
    }

    public async Task RecordFailureAsync(string login, string? address, CancellationToken ct)
    {
        await BumpAsync(LoginKey(login), ct);
        if (address is not null)
        {
            await BumpAsync(AddressKey(address), ct);
        }
    }

    public Task ResetAsync(string login, CancellationToken ct) => cache.RemoveAsync(LoginKey(login), ct);

    private async Task BumpAsync(string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = await ReadAsync(key, ct);
        var next = current is { } c && c.WindowStart + _options.Window > now
            ? c with { Count = c.Count + 1 }
            : new Counter(1, now);
        await cache.SetStringAsync(key, $"{next.Count.ToString(CultureInfo.InvariantCulture)}|{next.WindowStart.UtcTicks.ToString(CultureInfo.InvariantCulture)}",
            // Relative: the cache expires entries on its own clock, which need not be ours.
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = next.WindowStart + _options.Window - now }, ct);
    }

    private async Task<Counter?> ReadAsync(string key, CancellationToken ct)
    {
        var raw = await cache.GetStringAsync(key, ct);
        if (raw is null)
        {
            return null;
        }

        var parts = raw.Split('|');
        return new Counter(int.Parse(parts[0], CultureInfo.InvariantCulture), new DateTimeOffset(long.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.Zero));
    }

    private static string LoginKey(string login) => "login-fail:user:" + login.Trim().ToLowerInvariant();

    private static string AddressKey(string address) => "login-fail:addr:" + address;

    private sealed record Counter(int Count, DateTimeOffset WindowStart);
}
