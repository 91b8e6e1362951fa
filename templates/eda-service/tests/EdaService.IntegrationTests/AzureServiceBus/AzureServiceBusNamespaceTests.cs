using EdaService.IntegrationTests.Infrastructure;
using EdaService.Messaging;
using Rebus.Config;
using Rebus.Messages;

namespace EdaService.IntegrationTests.AzureServiceBus;

/// <summary>The sample path on a real Azure Service Bus namespace, when its connection string is given.</summary>
public sealed class AzureServiceBusNamespaceTests(TestDatabase database)
{
    private const string Variable = "EDA_TEST_SERVICEBUS_CONNECTION_STRING";

    [Fact]
    public async Task An_order_placed_on_the_real_namespace_is_stored_and_OrderAccepted_is_delivered()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Assert.Skip($"{Variable} is not set: no Azure Service Bus namespace to test against (Standard tier or higher).");
        }

        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, transport: new NamespaceTransport(connectionString));

        var placed = await service.PlaceOrderAsync();

        await Eventually.Until(
            () => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted", TimeSpan.FromMinutes(1));
        Assert.NotNull(await service.FindOrderAsync(placed.OrderId));
    }

    /// <summary>The service keeps its own Azure Service Bus transport; the observer joins the same namespace.</summary>
    private sealed class NamespaceTransport(string connectionString) : ITestTransport
    {
        public ConfigureRebus? ServiceTransport => null;

        public void ConfigureObserver(RebusConfigurer rebus, string queue) =>
            rebus.Transport(t => t.UseAzureServiceBus(connectionString, queue).SetAutoDeleteOnIdle(TimeSpan.FromMinutes(10)));

        public Task<IReadOnlyList<TransportMessage>> GetMessagesAsync(string queue) =>
            Task.FromResult<IReadOnlyList<TransportMessage>>([]);
    }
}
