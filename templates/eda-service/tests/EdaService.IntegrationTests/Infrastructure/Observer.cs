using System.Collections.Concurrent;
using EdaService.Contracts;
using Rebus.Activation;
using Rebus.Backoff;
using Rebus.Bus;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Transport;

namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>The test's own bus: it publishes what the service consumes and records what the service publishes.</summary>
internal sealed class Observer : IAsyncDisposable
{
    private readonly BuiltinHandlerActivator _activator = new();
    private readonly ConcurrentQueue<Delivery<OrderAccepted>> _accepted = new();
    private ITransport? _transport;

    private Observer()
    {
        _activator.Handle<OrderAccepted>((_, context, message) =>
        {
            _accepted.Enqueue(new Delivery<OrderAccepted>(message, new Dictionary<string, string>(context.Headers)));
            return Task.CompletedTask;
        });
    }

    public IBus Bus => _activator.Bus;

    public IReadOnlyList<Delivery<OrderAccepted>> AcceptedFor(Guid orderId) =>
        _accepted.Where(d => d.Message.OrderId == orderId).ToList();

    public static async Task<Observer> StartAsync(ITestTransport transport, string queue)
    {
        var observer = new Observer();
        var rebus = Configure.With(observer._activator).Logging(l => l.None());
        transport.ConfigureObserver(rebus, queue);
        rebus.Options(o =>
        {
            o.SetBackoffTimes(TimeSpan.FromMilliseconds(10));
            o.Decorate(c => observer._transport = c.Get<ITransport>());
        }).Start();
        await observer.Bus.Subscribe<OrderAccepted>();
        return observer;
    }

    /// <summary>
    /// Puts <paramref name="message"/> on the wire exactly as given, headers and bytes, as a broken producer's transport
    /// would: no serializer or Rebus step in the way.
    /// </summary>
    public async Task SendRawAsync(string destination, TransportMessage message)
    {
        using var scope = new RebusTransactionScope();
        await _transport!.Send(destination, message, scope.TransactionContext);
        await scope.CompleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.Unsubscribe<OrderAccepted>();
        _activator.Dispose();
    }
}

internal sealed record Delivery<T>(T Message, IReadOnlyDictionary<string, string> Headers);
