using System.Text;
using EdaService.Contracts;
using EdaService.Validation;

namespace EdaService.UnitTests.Validation;

/// <summary>The service never sends what its consumers would reject.</summary>
public sealed class OutgoingValidationTests
{
    private const string Destination = "consumer";

    private sealed record NotAContract(string Text);

    [Fact]
    public async Task An_invalid_event_fails_the_publisher_and_is_not_sent()
    {
        using var bus = InMemoryServiceBus.Start();
        bus.Network.CreateQueue(Destination);

        var error = await Assert.ThrowsAsync<InvalidOutgoingMessageException>(() =>
            bus.Bus.Advanced.Routing.Send(Destination, new OrderAccepted(Guid.Empty, "customer-1", 10m, DateTimeOffset.UtcNow)));

        Assert.Contains("OrderId: must not be the empty GUID", error.Reasons);
        Assert.Equal(0, bus.Network.GetCount(Destination));
    }

    [Fact]
    public async Task A_type_without_a_registered_contract_is_not_sent()
    {
        using var bus = InMemoryServiceBus.Start();
        bus.Network.CreateQueue(Destination);

        var error = await Assert.ThrowsAsync<InvalidOutgoingMessageException>(() => bus.Bus.Advanced.Routing.Send(Destination, new NotAContract("x")));

        Assert.Contains(error.Reasons, r => r.Contains("is not a message type this service knows", StringComparison.Ordinal));
        Assert.Equal(0, bus.Network.GetCount(Destination));
    }

    [Fact]
    public async Task A_valid_event_is_sent_with_its_timestamp_in_utc_with_Z()
    {
        using var bus = InMemoryServiceBus.Start();
        bus.Network.CreateQueue(Destination);
        var local = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2));

        await bus.Bus.Advanced.Routing.Send(Destination, new OrderAccepted(Guid.NewGuid(), "customer-1", 10m, local));

        var sent = Assert.Single(bus.Network.GetMessages(Destination));
        Assert.Contains("\"AcceptedAt\":\"2026-03-01T10:00:00Z\"", Encoding.UTF8.GetString(sent.Body));
    }
}
