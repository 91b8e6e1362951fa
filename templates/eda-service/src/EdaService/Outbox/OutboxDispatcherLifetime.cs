using Rebus.Bus;
using Rebus.Transport;

namespace EdaService.Outbox;

/// <summary>Runs <see cref="OutboxDispatcher"/> while the bus runs, on the transport the bus sends with.</summary>
internal sealed class OutboxDispatcherLifetime(OutboxDispatcher dispatcher, ITransport transport) : IInitializable, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _running;

    public void Initialize() => _running = Task.Run(() => dispatcher.RunAsync(transport, _stopping.Token));

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        // As Rebus waits for its own background tasks: a pass in progress gets to commit what it sent.
        _running?.Wait(TimeSpan.FromSeconds(5));
        _stopping.Dispose();
    }
}
