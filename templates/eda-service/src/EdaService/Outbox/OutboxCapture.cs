using System.Collections.Concurrent;
using Rebus.Messages;
using Rebus.Transport;

namespace EdaService.Outbox;

/// <summary>
/// Holds back what a unit of work sends (a transport decorator): the unit of work then writes the messages as outbox
/// rows in its own save. Rebus's outbox decorator would insert them after the business save, one more round trip per
/// message. Sends outside a unit of work (the forwarder's among them) pass straight through.
/// </summary>
internal sealed class OutboxCapture(ITransport transport) : ITransport
{
    private const string CapturedKey = "eda-outbox-captured";

    public string Address => transport.Address;

    public static void Enlist(RebusTransactionScope scope) =>
        scope.TransactionContext.Items[CapturedKey] = new ConcurrentQueue<OutboxMessage>();

    /// <summary>What was sent in the scope since it was enlisted; each message is returned once.</summary>
    public static IEnumerable<OutboxMessage> Take(ITransactionContext context)
    {
        var captured = (ConcurrentQueue<OutboxMessage>)context.Items[CapturedKey];
        while (captured.TryDequeue(out var message))
        {
            yield return message;
        }
    }

    public Task Send(string destinationAddress, TransportMessage message, ITransactionContext context)
    {
        if (context.Items.TryGetValue(CapturedKey, out var captured))
        {
            ((ConcurrentQueue<OutboxMessage>)captured).Enqueue(OutboxMessage.From(destinationAddress, message));
            return Task.CompletedTask;
        }

        return transport.Send(destinationAddress, message, context);
    }

    public void CreateQueue(string address) => transport.CreateQueue(address);

    public Task<TransportMessage> Receive(ITransactionContext context, CancellationToken cancellationToken) =>
        transport.Receive(context, cancellationToken);
}
