using EdaService.Messaging;
using EdaService.Messaging.AzureServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Activation;
using Rebus.Config;
using Rebus.Transport.InMem;

namespace EdaService.UnitTests.AzureServiceBus;

public sealed class MessageSizeGuardTests
{
    private sealed record Payload(string Data);

    [Theory]
    [InlineData(ServiceBusTier.Standard, 256 * 1024)]
    [InlineData(ServiceBusTier.Premium, 100 * 1024 * 1024)]
    public void Limits_follow_the_tier(ServiceBusTier tier, long expected) => Assert.Equal(expected, MessageSizeGuard.LimitFor(tier));

    [Fact]
    public async Task A_message_over_the_standard_limit_fails_before_sending_and_names_the_limit()
    {
        var network = new InMemNetwork();
        using var bus = StartBus(network, ServiceBusTier.Standard);

        var error = await Assert.ThrowsAsync<MessageTooLargeException>(() => bus.Bus.Advanced.Routing.Send("destination", new Payload(new string('x', 300 * 1024))));

        Assert.Contains("262,144", error.Message);
        Assert.Contains("AzureServiceBus:Tier", error.Message);
        Assert.Equal(0, network.GetCount("destination"));
    }

    [Fact]
    public async Task A_message_under_the_limit_is_sent()
    {
        var network = new InMemNetwork();
        using var bus = StartBus(network, ServiceBusTier.Standard);

        await bus.Bus.Advanced.Routing.Send("destination", new Payload(new string('x', 200 * 1024)));

        Assert.Equal(1, network.GetCount("destination"));
    }

    [Fact]
    public async Task Premium_carries_what_standard_refuses()
    {
        var network = new InMemNetwork();
        using var bus = StartBus(network, ServiceBusTier.Premium);

        await bus.Bus.Advanced.Routing.Send("destination", new Payload(new string('x', 300 * 1024)));

        Assert.Equal(1, network.GetCount("destination"));
    }

    private static BuiltinHandlerActivator StartBus(InMemNetwork network, ServiceBusTier tier)
    {
        network.CreateQueue("destination");
        var services = new ServiceCollection()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new AzureServiceBusOptions { Tier = tier }))
            .BuildServiceProvider();
        var activator = new BuiltinHandlerActivator();
        var rebus = Configure.With(activator).Transport(t => t.UseInMemoryTransportAsOneWayClient(network));
        new ConfigureRebus(MessageSizeGuard.Configure)(rebus, services);
        rebus.Start();
        return activator;
    }
}
