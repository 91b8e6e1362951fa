namespace EdaService.Outbox;

/// <summary>
/// Tells the outbox forwarder that rows were committed. Without it an event waits for the forwarder's next poll, up to
/// a second; wake-ups that arrive while it is sending fold into one more pass.
/// </summary>
internal sealed class ForwarderWakeUp
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Wake()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending: the next pass sends these rows too.
        }
    }

    /// <summary>Returns when woken (true) or after <paramref name="poll"/> (false), whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan poll, CancellationToken cancellationToken) => _pending.WaitAsync(poll, cancellationToken);
}
