using System.Text;
using System.Text.Json;
using EdaService.Contracts;
using EdaService.Validation;
using Rebus.Messages;
using Rebus.Transport.InMem;

namespace EdaService.UnitTests.Validation;

/// <summary>
/// A rejection is told apart from any other failure: it skips retries, carries its reasons and is announced; an
/// ordinary failure is retried and looks like before (a kill switch counting failures relies on the difference).
/// </summary>
public sealed class RejectionFlowTests
{
    private const string Subscriber = "producer";

    [Fact]
    public async Task A_rejected_message_skips_retries_lists_its_reasons_and_is_announced()
    {
        var handled = 0;
        using var bus = InMemoryServiceBus.Start(a => a.Handle<OrderPlaced>(_ => Task.FromResult(Interlocked.Increment(ref handled))));
        bus.Network.CreateQueue(Subscriber);
        bus.Network.AddSubscriber(TestMessages.TypeName<MessageRejected>(), Subscriber);
        var body = TestMessages.OrderPlaced();
        body.Remove("Total");
        var message = TestMessages.Raw<OrderPlaced>(body);

        bus.Network.Deliver(InMemoryServiceBus.InputQueue, new InMemTransportMessage(message));

        var failed = await WaitForSingleAsync(bus.Network, InMemoryServiceBus.ErrorQueue);
        Assert.Equal(["Total: missing from the message body"], JsonSerializer.Deserialize<string[]>(failed.Headers[ValidationHeaders.Errors])!);
        Assert.StartsWith("1 unhandled exceptions", failed.Headers[Headers.ErrorDetails], StringComparison.Ordinal);
        Assert.Contains(nameof(MessageRejectedException), failed.Headers[Headers.ErrorDetails]);
        Assert.Equal(0, handled);

        var notice = await WaitForSingleAsync(bus.Network, Subscriber);
        var rejected = JsonSerializer.Deserialize<MessageRejected>(notice.Body)!;
        Assert.Equal(message.Headers[Headers.MessageId], rejected.MessageId);
        Assert.Equal(TestMessages.TypeName<OrderPlaced>(), rejected.MessageType);
        Assert.Equal(InMemoryServiceBus.InputQueue, rejected.SourceQueue);
        Assert.Equal(["Total: missing from the message body"], rejected.Reasons);
        Assert.Equal($"rejected-{message.Headers[Headers.MessageId]}", notice.Headers[Headers.MessageId]);
    }

    [Fact]
    public async Task An_ordinary_failure_is_retried_and_not_reported_as_a_rejection()
    {
        using var bus = InMemoryServiceBus.Start(a => a.Handle<OrderPlaced>(_ => throw new InvalidOperationException("handler bug")));
        bus.Network.CreateQueue(Subscriber);
        bus.Network.AddSubscriber(TestMessages.TypeName<MessageRejected>(), Subscriber);

        bus.Network.Deliver(InMemoryServiceBus.InputQueue, new InMemTransportMessage(TestMessages.Raw<OrderPlaced>(TestMessages.OrderPlaced())));

        var failed = await WaitForSingleAsync(bus.Network, InMemoryServiceBus.ErrorQueue);
        Assert.StartsWith("3 unhandled exceptions", failed.Headers[Headers.ErrorDetails], StringComparison.Ordinal);
        Assert.DoesNotContain(ValidationHeaders.Errors, failed.Headers.Keys);
        Assert.Equal(0, bus.Network.GetCount(Subscriber));
    }

    private static async Task<TransportMessage> WaitForSingleAsync(InMemNetwork network, string queue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (network.GetCount(queue) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return Assert.Single(network.GetMessages(queue)).ToTransportMessage();
    }
}
