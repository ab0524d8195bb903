using Microsoft.Extensions.Logging;
using Preau.Platform.Jobs;

namespace Preau.News.Features.Items;

/// <summary>
/// Publishes a scheduled item when its time comes: tells its readers and records its first
/// publication. An item changed, rescheduled, unpublished or trashed meanwhile is left alone
/// (its page already showed it at its time: visibility follows the dates, not this job).
/// </summary>
internal sealed partial class ScheduledPublication(WriteNews news, ILogger<ScheduledPublication> logger) : IJobHandler
{
    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var payload = job.Read<WriteNews.PublishJob>();
        if (!await news.ScheduledAsync(payload.ItemId, payload.At, ct))
        {
            LogChanged(logger, payload.ItemId);
        }
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Scheduled news item {ItemId} changed meanwhile; nothing published")]
    private static partial void LogChanged(ILogger logger, Guid itemId);
}
