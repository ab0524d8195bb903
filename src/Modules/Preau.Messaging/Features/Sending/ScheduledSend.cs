using Microsoft.Extensions.Logging;
using Preau.Platform.Directory.Features;
using Preau.Platform.Jobs;

namespace Preau.Messaging.Features.Sending;

/// <summary>
/// Sends a scheduled message when its time comes, through the same checks as a send by hand, with
/// the sender as they are then (their schools, their profile). A message unscheduled or changed
/// meanwhile is left alone; one refused goes back to its sender's drafts with the reason.
/// </summary>
internal sealed partial class ScheduledSend(SendMessage send, LoadUserContext users, ILogger<ScheduledSend> logger) : IJobHandler
{
    public async Task RunAsync(JobContext job, CancellationToken ct)
    {
        var payload = job.Read<SendMessage.ScheduledJob>();
        var senderId = await send.SenderOfAsync(payload.MessageId, ct);
        var me = senderId is null ? null : await users.LoadAsync(senderId.Value, ct);
        if (me is null)
        {
            LogGone(logger, payload.MessageId);
            return;
        }

        var outcome = await send.ScheduledAsync(SendMessage.Sender.Of(me), payload.MessageId, payload.At, ct);
        if (outcome.Errors is { } errors)
        {
            var reason = errors.Values.SelectMany(v => v).FirstOrDefault() ?? "";
            LogRefused(logger, payload.MessageId, reason);
        }
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Scheduled message {MessageId} has no sender any more; not sent")]
    private static partial void LogGone(ILogger logger, Guid messageId);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Scheduled message {MessageId} was refused at its time ({Reasons}); back to its sender's drafts")]
    private static partial void LogRefused(ILogger logger, Guid messageId, string reasons);
}
