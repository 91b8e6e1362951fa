using EdaService.Messaging;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Transport;

namespace EdaService.IntegrationTests.Outbox;

/// <summary>The first send of an <c>OrderAccepted</c> fails, as a broker refusing a connection would (a transport decorator).</summary>
internal sealed class FailFirstEventSend
{
    private int _sends;

    public int Failures => Math.Min(Volatile.Read(ref _sends), 1);

    /// <summary>Registered in the service's container, so the messaging setup applies it to the service's transport.</summary>
    public ConfigureRebus Configure => (rebus, _) => rebus.Options(o => o.Decorate<ITransport>(c => new Decorator(c.Get<ITransport>(), this)));

    private sealed class Decorator(ITransport transport, FailFirstEventSend fault) : ITransport
    {
        public string Address => transport.Address;

        public void CreateQueue(string address) => transport.CreateQueue(address);

        public Task Send(string destinationAddress, TransportMessage message, ITransactionContext context) =>
            message.Headers.GetValueOrDefault(Headers.Type)?.Contains("OrderAccepted", StringComparison.Ordinal) == true
            && Interlocked.Increment(ref fault._sends) == 1
                ? throw new InvalidOperationException("injected fault: the broker refused the event")
                : transport.Send(destinationAddress, message, context);

        public Task<TransportMessage> Receive(ITransactionContext context, CancellationToken cancellationToken) =>
            transport.Receive(context, cancellationToken);
    }
}
