using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Feed.Resources;
using Preau.Platform.Security;

namespace Preau.Feed.Push;

/// <summary>
/// Push on the caller's devices: the VAPID public key a browser subscribes with, and the caller's
/// subscriptions (add this device, list, remove by endpoint). The same use cases as /fil/appareil.
/// </summary>
internal static class PushApi
{
    public sealed record KeyResponse(string PublicKey);

    public sealed record EndpointRequest(string? Endpoint);

    /// <summary>The browser's PushSubscription as its toJSON() gives it.</summary>
    public sealed record SubscriptionRequest(string? Endpoint, SubscriptionKeys? Keys);

    public sealed record SubscriptionKeys(string? P256dh, string? Auth);

    public sealed record DeviceResponse(Guid Id, string Label, DateTimeOffset CreatedAt, DateTimeOffset? LastSuccessAt, string Endpoint);

    public static void MapPushApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/push").WithTags("Push").RequireAuthorization();

        api.MapGet("/key", async (VapidKeys keys, CancellationToken ct) => TypedResults.Ok(new KeyResponse((await keys.GetAsync(ct)).PublicKey)))
            .WithName("PushGetKey")
            .WithSummary("The server's VAPID public key (base64url): the applicationServerKey a browser subscribes with.");

        api.MapGet("/subscriptions", async (HttpContext http, MyDevices devices, CancellationToken ct) =>
            TypedResults.Ok((await devices.ListAsync(Me(http), ct)).Select(Response).ToList()))
            .WithName("PushListSubscriptions")
            .WithSummary("The caller's devices with push enabled, newest first.");

        api.MapPost("/subscriptions", async Task<Results<Ok<DeviceResponse>, ValidationProblem>> (SubscriptionRequest request, HttpContext http, SubscribeDevice subscribe, IStringLocalizer<PushStrings> s, CancellationToken ct) =>
        {
            var (problem, device) = await subscribe.HandleAsync(Me(http), new SubscribeDevice.Request(request.Endpoint, request.Keys?.P256dh, request.Keys?.Auth),
                http.Request.Headers.UserAgent.ToString(), ct);
            return problem switch
            {
                SubscribeDevice.Problem.None => TypedResults.Ok(Response(device!)),
                SubscribeDevice.Problem.Endpoint => Problem("endpoint", s["Push.Error.Endpoint"], s),
                SubscribeDevice.Problem.Keys => Problem("keys", s["Push.Error.Keys"], s),
                _ => Problem("endpoint", s["Push.Error.TooMany"], s),
            };
        })
            .WithName("PushSubscribe")
            .WithSummary("Enables push on this device: the browser's subscription (endpoint on a known push service, p256dh and auth keys). Subscribing the same endpoint again updates it.")
            .ProducesValidationProblem();

        api.MapDelete("/subscriptions", async Task<Results<NoContent, NotFound>> ([FromBody] EndpointRequest request, HttpContext http, MyDevices devices, CancellationToken ct) =>
            !string.IsNullOrEmpty(request.Endpoint) && await devices.RemoveAsync(Me(http), request.Endpoint, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("PushUnsubscribe")
            .WithSummary("Disables push on a device of the caller's, by its endpoint; 404 when the caller has no such device.");
    }

    private static Guid Me(HttpContext http) => http.User.GetUserId() ?? throw new InvalidOperationException("Push needs a signed-in person.");

    private static DeviceResponse Response(PushDeviceView d) => new(d.Id, d.Label, d.CreatedAt, d.LastSuccessAt, d.Endpoint);

    private static ValidationProblem Problem(string field, LocalizedString message, IStringLocalizer<PushStrings> s) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message.Value] }, title: s["Push.Error.Title"].Value);
}
