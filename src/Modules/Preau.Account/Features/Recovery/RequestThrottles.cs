using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using Preau.Platform.Security;

namespace Preau.Account.Features.Recovery;

/// <summary>
/// The limits on recovery: messages asked for (3 an hour per login or address, 10 an hour per
/// client address) and reset codes tried (5 wrong codes per login, 30 per address, in 15
/// minutes). Counters of their own, apart from the sign-in ones; known and unknown logins alike.
/// </summary>
public sealed class RequestThrottles(IDistributedCache cache, TimeProvider clock)
{
    public LoginThrottle Messages { get; } = new(cache, clock, Options.Create(new LoginThrottleOptions
    {
        FailuresPerLogin = 3,
        FailuresPerAddress = 10,
        Window = TimeSpan.FromHours(1),
    }));

    public LoginThrottle Codes { get; } = new(cache, clock, Options.Create(new LoginThrottleOptions()));

    public static string? Address(Microsoft.AspNetCore.Http.HttpContext http, string purpose) =>
        http.Connection.RemoteIpAddress is { } ip ? purpose + ":" + ip : null;
}
