using EdaService.Contracts;
using EdaService.Data;
#if (UseOrdering)
using Microsoft.EntityFrameworkCore;
#endif
using Rebus.Bus;
using Rebus.Handlers;

namespace EdaService.Handlers;

/// <summary>The sample path: an order arrives, is stored, and <see cref="OrderAccepted"/> is published.</summary>
public sealed partial class OrderPlacedHandler(
    EdaServiceDbContext db, IUnitOfWork unitOfWork, IBus bus, TimeProvider clock, ILogger<OrderPlacedHandler> logger)
    : IHandleMessages<OrderPlaced>
{
    public async Task Handle(OrderPlaced message)
    {
        var order = Order.Accept(message, clock.GetUtcNow());

        // Write and publish inside the unit of work: both commit together or not at all.
        await unitOfWork.ExecuteAsync(nameof(OrderPlacedHandler), async cancellationToken =>
        {
#if (UseOrdering)
            // OrderPlaced is version 1 of the order: once any version is here, it is stale.
            if (await db.Orders.AnyAsync(o => o.Id == order.Id, cancellationToken))
            {
                return;
            }

#endif
            db.Orders.Add(order);
            await db.SaveChangesAsync(cancellationToken);
            await bus.Publish(order.ToAcceptedEvent());
        });

        LogAccepted(logger, order.Id, order.CustomerId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted order {OrderId} for customer {CustomerId}")]
    private static partial void LogAccepted(ILogger logger, Guid orderId, string customerId);
}
