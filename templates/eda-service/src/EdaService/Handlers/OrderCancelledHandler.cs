using EdaService.Contracts;
using EdaService.Ordering;
using Rebus.Handlers;

namespace EdaService.Handlers;

/// <summary>Cancels an order, keeping it as a versioned tombstone so later-arriving older changes stay ignored.</summary>
internal sealed class OrderCancelledHandler(OrderChanges changes) : IHandleMessages<OrderCancelled>
{
    public Task Handle(OrderCancelled message) =>
        changes.ApplyAsync(nameof(OrderCancelledHandler), message.OrderId, message.Version, order => order.Cancel(message.Version, message.CancelledAt));
}
