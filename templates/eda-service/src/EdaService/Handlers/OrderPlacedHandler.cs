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
#if (UseOrdering)
        UnitOfWorkResult result;
        try
        {
            result = await PlaceAsync(order);
        }
        catch (DbUpdateException exception) when (DatabaseProvider.IsDuplicateKey(exception, db.Orders.EntityType.FindPrimaryKey()!))
        {
            // OrderPlaced is version 1 of the order: once any version is stored, it is stale. Inserting and catching the
            // primary key conflict (which rolled the unit of work back) saves a read per order over checking first.
            LogStale(logger, order.Id);
            return;
        }
#else
        var result = await PlaceAsync(order);
#endif

        // A duplicate was acknowledged without effect (and logged as such): it accepted nothing.
        if (result == UnitOfWorkResult.Committed)
        {
            LogAccepted(logger, order.Id, order.CustomerId);
        }
    }

    // Write and publish inside the unit of work: it saves both together (one batch) and commits them or nothing.
    private Task<UnitOfWorkResult> PlaceAsync(Order order) =>
        unitOfWork.ExecuteAsync(nameof(OrderPlacedHandler), async _ =>
        {
            db.Orders.Add(order);
            await bus.Publish(order.ToAcceptedEvent());
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted order {OrderId} for customer {CustomerId}")]
    private static partial void LogAccepted(ILogger logger, Guid orderId, string customerId);
#if (UseOrdering)

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: ignored OrderPlaced, the order is already stored")]
    private static partial void LogStale(ILogger logger, Guid orderId);
#endif
}
