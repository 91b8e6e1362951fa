using EdaTemplates.Soak.Downstream;
using Rebus.Transport;

namespace EdaTemplates.Soak.Load;

/// <summary>
/// Sends the script into the service's input queue in small transactions, holding back while the queue already has
/// <see cref="MaxBacklog"/> messages waiting, so the stream lasts through the kills and the outage instead of being
/// queued all at once; the <see cref="FeedGate"/> holds it at each disruption until that disruption began.
/// </summary>
internal sealed class Feeder(ITransport transport, QueueProbe queues, FeedGate gate, string inputQueue, int maxBacklog)
{
    private const int BatchSize = 50;
    private int _sent;

    public int MaxBacklog { get; } = maxBacklog;

    public int Sent => _sent;

    public async Task RunAsync(IReadOnlyList<ScriptedMessage> messages, CancellationToken cancellationToken)
    {
        while (_sent < messages.Count)
        {
            var room = Math.Min(BatchSize, gate.Limit - _sent);
            if (room <= 0 || await queues.CountAsync(inputQueue) >= MaxBacklog)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
                continue;
            }

            var batch = messages.Skip(_sent).Take(room).ToList();
            using var scope = new RebusTransactionScope();
            var now = DateTimeOffset.UtcNow;
            foreach (var message in batch)
            {
                await transport.Send(inputQueue, message.ToTransportMessage(now), scope.TransactionContext);
            }

            await scope.CompleteAsync();
            Interlocked.Add(ref _sent, batch.Count);
        }
    }
}
