using EdaService.Contracts;
using EdaService.Handlers;
using EdaService.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Handlers;

namespace EdaService.UnitTests.Messaging;

/// <summary>Every handler in Handlers/ is registered exactly once and its event subscribed, without wiring by hand.</summary>
public sealed class HandlerDiscoveryTests
{
    private readonly IServiceCollection services = new ServiceCollection().AddHandlersFromHandlersFolder();

    [Fact]
    public void Each_handler_is_registered_once_for_the_message_it_handles()
    {
        var handlerTypes = typeof(OrderPlacedHandler).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(OrderPlacedHandler).Namespace && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IHandleMessages<>)))
            .ToArray();

        Assert.Contains(typeof(OrderPlacedHandler), handlerTypes);
        foreach (var handler in handlerTypes)
        {
            Assert.Single(services, d => d.ImplementationType == handler);
        }

        Assert.Single(services, d => d.ServiceType == typeof(IHandleMessages<OrderPlaced>) && d.ImplementationType == typeof(OrderPlacedHandler));
    }

    [Fact]
    public void Each_handled_event_is_subscribed_once()
    {
        var subscribed = services.Where(d => d.ServiceType == typeof(Subscription)).Select(d => ((Subscription)d.ImplementationInstance!).EventType).ToArray();

        Assert.Contains(typeof(OrderPlaced), subscribed);
        Assert.Equal(subscribed.Length, subscribed.Distinct().Count());
        Assert.All(subscribed, type => Assert.Contains(services, d => d.ServiceType == typeof(IHandleMessages<>).MakeGenericType(type)));
    }
}
