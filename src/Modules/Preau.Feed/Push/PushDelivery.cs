using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Platform.Feed;
using Preau.Platform.Hosting;
using Preau.Platform.Persistence;

namespace Preau.Feed.Push;

/// <summary>
/// Drains the push queue in the background: for each publication, the devices to notify (one
/// query), the item's text in each owner's language, then an encrypted notification per device
/// signed with the VAPID key, a bounded number at a time, each with a timeout. Devices whose push
/// service says they are gone (404, 410) are deleted; other failures are logged without personal data.
/// </summary>
internal sealed partial class PushDelivery(
    PushQueue queue,
    IServiceScopeFactory scopes,
    VapidKeys keys,
    IHttpClientFactory http,
    IOptions<PushOptions> options,
    IOptions<PreauOptions> instance,
    TimeProvider clock,
    ILogger<PushDelivery> logger) : BackgroundService
{
    public const string HttpClientName = "preau.push";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await DeliverAsync(job, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogJobFailed(logger, e, job.EventId);
            }
            finally
            {
                queue.MarkDone();
            }
        }
    }

    private async Task DeliverAsync(PushJob job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (services.GetRequiredService<FeedTypes>().Find(job.Type) is not { } type)
        {
            return;
        }

        var db = services.GetRequiredService<PreauDbContext>();
        var targets = await services.GetRequiredService<PushRecipients>().ForEventAsync(type, job.EventId, ct);
        if (targets.Count == 0)
        {
            return;
        }

        var feedEvent = await db.Set<FeedEvent>().AsNoTracking().Where(e => e.Id == job.EventId && e.RemovedAt == null)
            .Select(e => new { e.Values, Actor = db.Users.Where(u => u.Id == e.ActorId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (feedEvent is null)
        {
            return;
        }

        var texts = services.GetRequiredService<FeedText>();
        var payloads = targets.Select(t => Language(t.Language)).Distinct(StringComparer.Ordinal).ToDictionary(
            language => language,
            language => Payload(InCulture.Run(language, () => texts.Render(type, type.TextKey, feedEvent.Values, feedEvent.Actor)), job.EventId),
            StringComparer.Ordinal);

        var vapid = await keys.GetAsync(ct);
        using var authentication = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey) { Subject = vapid.Subject };
        var settings = options.Value;
        var client = new PushServiceClient(http.CreateClient(HttpClientName))
        {
            DefaultAuthentication = authentication,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            DefaultTimeToLive = (int)settings.TimeToLive.TotalSeconds,
            AutoRetryAfter = false,
        };

        var reached = new ConcurrentBag<Guid>();
        var gone = new ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = ct }, async (target, token) =>
        {
            var subscription = new PushSubscription { Endpoint = target.Endpoint };
            subscription.SetKey(PushEncryptionKeyName.P256DH, target.P256dh);
            subscription.SetKey(PushEncryptionKeyName.Auth, target.Auth);
            var message = new PushMessage(payloads[Language(target.Language)])
            {
                // Repeats of the same event replace a notification not yet delivered.
                Topic = string.Create(CultureInfo.InvariantCulture, $"feed-{job.EventId}"),
                Urgency = PushMessageUrgency.Normal,
            };
            try
            {
                await client.RequestPushMessageDeliveryAsync(subscription, message, token);
                reached.Add(target.DeviceId);
            }
            catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                gone.Add(target.DeviceId);
            }
            catch (PushServiceClientException e)
            {
                LogRefused(logger, Host(target.Endpoint), (int)e.StatusCode, job.EventId);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
            {
                LogUnreachable(logger, Host(target.Endpoint), e.GetType().Name, job.EventId);
            }
        });

        foreach (var chunk in gone.Chunk(500))
        {
            await db.Set<PushDevice>().Where(d => chunk.Contains(d.Id)).ExecuteDeleteAsync(ct);
        }

        var now = clock.GetUtcNow();
        foreach (var chunk in reached.Chunk(500))
        {
            await db.Set<PushDevice>().Where(d => chunk.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.LastSuccessAt, now), ct);
        }
    }

    private string Payload(string text, long eventId) => JsonSerializer.Serialize(new
    {
        title = instance.Value.InstanceName,
        body = text.Length > 300 ? string.Concat(text.AsSpan(0, 299), "…") : text,
        url = string.Create(CultureInfo.InvariantCulture, $"/fil/ouvrir/{eventId}"),
        tag = string.Create(CultureInfo.InvariantCulture, $"feed-{eventId}"),
    });

    private static string Language(string? language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? "en-GB" : "fr-FR";

    private static string Host(string endpoint) => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Host : "?";

    [LoggerMessage(EventId = 5302, Level = LogLevel.Error, Message = "Pushing event {EventId} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, long eventId);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Warning, Message = "Push service {Host} refused a notification of event {EventId} with status {Status}")]
    private static partial void LogRefused(ILogger logger, string host, int status, long eventId);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning, Message = "Push service {Host} did not answer for event {EventId} ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string host, string error, long eventId);
}
