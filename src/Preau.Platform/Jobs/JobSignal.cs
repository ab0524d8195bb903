namespace Preau.Platform.Jobs;

/// <summary>Wakes this node's idle workers when a job is enqueued here, instead of waiting for their next look.</summary>
public sealed class JobSignal
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake()
    {
        TaskCompletionSource pulse;
        lock (_lock)
        {
            pulse = _pulse;
            _pulse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        pulse.TrySetResult();
    }

    /// <summary>Returns when woken or when <paramref name="timeout"/> of real time passed (polling is wall-clock, due times follow the TimeProvider).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        Task pulse;
        lock (_lock)
        {
            pulse = _pulse.Task;
        }

        try
        {
            await pulse.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            // Time for the next look.
        }
    }
}
