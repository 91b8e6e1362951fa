using System.Collections.Concurrent;
using System.Text;
using EdaService.Contracts;
using EdaService.IntegrationTests.Infrastructure;
using Rebus.Activation;
using Rebus.Backoff;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Transport;

namespace EdaService.IntegrationTests.Validation;

/// <summary>
/// A producer on the test transport: it puts raw bytes on the wire (no serializer in the way, so it can send what a
/// broken producer would) and records the <see cref="MessageRejected"/> notices and the raw events it receives.
/// </summary>
internal sealed class ProducerProbe : IAsyncDisposable
{
    private readonly BuiltinHandlerActivator _activator = new();
    private readonly ConcurrentQueue<MessageRejected> _rejections = new();
    private readonly ConcurrentQueue<TransportMessage> _accepted = new();
    private ITransport? _transport;

    private ProducerProbe()
    {
        _activator.Handle<MessageRejected>(message =>
        {
            _rejections.Enqueue(message);
            return Task.CompletedTask;
        });
        _activator.Handle<OrderAccepted>((_, context, _) =>
        {
            _accepted.Enqueue(context.TransportMessage);
            return Task.CompletedTask;
        });
    }

    public static async Task<ProducerProbe> StartAsync(ITestTransport transport, string queue)
    {
        var probe = new ProducerProbe();
        var rebus = Configure.With(probe._activator).Logging(l => l.None());
        transport.ConfigureObserver(rebus, queue);
        rebus.Options(o =>
        {
            o.SetBackoffTimes(TimeSpan.FromMilliseconds(10));
            o.Decorate(c => probe._transport = c.Get<ITransport>());
        }).Start();
        await probe._activator.Bus.Subscribe<MessageRejected>();
        await probe._activator.Bus.Subscribe<OrderAccepted>();
        return probe;
    }

    /// <summary>Sends <paramref name="message"/> exactly as given, as a producer's transport would.</summary>
    public async Task SendRawAsync(string destination, TransportMessage message)
    {
        using var scope = new RebusTransactionScope();
        await _transport!.Send(destination, message, scope.TransactionContext);
        await scope.CompleteAsync();
    }

    public MessageRejected? RejectionOf(string messageId) => _rejections.FirstOrDefault(r => r.MessageId == messageId);

    public string? AcceptedBodyFor(Guid orderId) => _accepted
        .Select(m => Encoding.UTF8.GetString(m.Body))
        .FirstOrDefault(body => body.Contains(orderId.ToString(), StringComparison.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        await _activator.Bus.Unsubscribe<MessageRejected>();
        await _activator.Bus.Unsubscribe<OrderAccepted>();
        _activator.Dispose();
    }
}
