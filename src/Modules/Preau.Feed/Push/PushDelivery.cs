using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Platform.Feed;
using Preau.Platform.Hosting;
using Preau.Platform.Jobs;
using Preau.Platform.Persistence;

namespace Preau.Feed.Push;

/// <summary>
/// After each publication, one job to push it: the publisher's request only writes a row, any node
/// sends, and a node that stops before sending leaves the job to another. A merged repeat rings
/// again only when it reached new people; the notification's tag makes the device replace the
/// earlier one rather than add a second.
/// </summary>
internal sealed class PushOnPublish(JobQueue jobs) : IFeedListener
{
    public async Task OnPublishedAsync(FeedPublished published, CancellationToken ct)
    {
        if (published.Merged && published.NewRecipients == 0)
        {
            return;
        }

        var id = published.EventId.ToString(CultureInfo.InvariantCulture);
        var key = published.Merged ? $"{PushDelivery.Kind}:{id}:{Guid.NewGuid():N}" : $"{PushDelivery.Kind}:{id}";
        await jobs.EnqueueAsync(PushDelivery.Kind, new PushDelivery.Job(published.EventId, published.Type.Key), uniqueKey: key, ct: ct);
    }
}

/// <summary>
/// Pushes one publication: the devices to notify (one query), the item's text in each owner's
/// language, then an encrypted notification per device signed with the VAPID key, a bounded
/// number at a time, each with a timeout. Devices whose push service says they are gone (404, 410)
/// are deleted; other refusals are logged without personal data and do not fail the job (a retry
/// would ring every other device again); a failure of the database fails it, to be tried again.
/// </summary>
internal sealed partial class PushDelivery(
    FeedTypes types,
    PreauDbContext db,
    PushRecipients recipients,
    FeedText texts,
    VapidKeys keys,
    IHttpClientFactory http,
    IOptions<PushOptions> options,
    IOptions<PreauOptions> instance,
    TimeProvider clock,
    ILogger<PushDelivery> logger) : IJobHandler
{
    public const string Kind = "feed.push";
    public const string HttpClientName = "preau.push";

    public sealed record Job(long EventId, string Type);

    public Task RunAsync(JobContext job, CancellationToken ct)
    {
        var payload = job.Read<Job>();
        return DeliverAsync(payload.EventId, payload.Type, ct);
    }

    private async Task DeliverAsync(long eventId, string typeKey, CancellationToken ct)
    {
        if (types.Find(typeKey) is not { } type)
        {
            return;
        }

        var targets = await recipients.ForEventAsync(type, eventId, ct);
        if (targets.Count == 0)
        {
            return;
        }

        var feedEvent = await db.Set<FeedEvent>().AsNoTracking().Where(e => e.Id == eventId && e.RemovedAt == null)
            .WithActorName(db)
            .Select(x => new { x.Event.Values, Actor = x.ActorName })
            .FirstOrDefaultAsync(ct);
        if (feedEvent is null)
        {
            return;
        }

        var payloads = targets.Select(t => Language(t.Language)).Distinct(StringComparer.Ordinal).ToDictionary(
            language => language,
            language => Payload(InCulture.Run(language, () => texts.Render(type, type.TextKey, feedEvent.Values, feedEvent.Actor)), eventId),
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
                Topic = string.Create(CultureInfo.InvariantCulture, $"feed-{eventId}"),
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
                LogRefused(logger, Host(target.Endpoint), (int)e.StatusCode, eventId);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
            {
                LogUnreachable(logger, Host(target.Endpoint), e.GetType().Name, eventId);
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

    [LoggerMessage(EventId = 5303, Level = LogLevel.Warning, Message = "Push service {Host} refused a notification of event {EventId} with status {Status}")]
    private static partial void LogRefused(ILogger logger, string host, int status, long eventId);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning, Message = "Push service {Host} did not answer for event {EventId} ({Error})")]
    private static partial void LogUnreachable(ILogger logger, string host, string error, long eventId);
}
