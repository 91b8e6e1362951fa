using EdaService.Contracts;
using EdaService.Ordering;
using Rebus.Handlers;

namespace EdaService.Handlers;

/// <summary>Applies a change of the order total, in version order.</summary>
internal sealed class OrderAmendedHandler(OrderChanges changes) : IHandleMessages<OrderAmended>
{
    public Task Handle(OrderAmended message) =>
        changes.ApplyAsync(nameof(OrderAmendedHandler), message.OrderId, message.Version, order => order.Amend(message.Version, message.Total));
}
