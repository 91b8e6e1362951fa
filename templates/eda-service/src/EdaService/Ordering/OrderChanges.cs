using EdaService.Data;
using Microsoft.EntityFrameworkCore;
using Rebus.Exceptions;

namespace EdaService.Ordering;

/// <summary>
/// Applies one versioned change to an order inside the handler's unit of work: a stale change is acknowledged and
/// logged without effect, a gap is deferred until the missing versions arrived, the next version is applied.
/// A concurrency conflict re-runs the whole unit of work on fresh data.
/// </summary>
internal sealed partial class OrderChanges(
    EdaServiceDbContext db, IUnitOfWork unitOfWork, GapDeferral deferral, ILogger<OrderChanges> logger)
{
    public async Task ApplyAsync(string operation, Guid orderId, int version, Action<Order> change)
    {
        if (version <= Order.PlacedVersion)
        {
            throw new FailFastException($"Order {orderId}: a change must have a version above {Order.PlacedVersion} (OrderPlaced), not {version}.");
        }

        var lastApplied = 0;
        try
        {
            await ConcurrencyRetry.RunAsync(db, () => unitOfWork.ExecuteAsync(operation, async cancellationToken =>
            {
                var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
                lastApplied = order?.Version ?? 0;
                switch (VersionGuard.Check(lastApplied, version))
                {
                    case VersionCheck.Apply:
                        // Saved by the unit of work; a lost race surfaces there and re-runs the whole unit.
                        change(order!);
                        break;
                    case VersionCheck.Stale:
                        LogStale(logger, orderId, version, lastApplied);
                        break;
                    default:
                        // Roll back (no processed record, nothing sent), so the deferred copy is handled as new.
                        throw new GapDetected();
                }
            }));
        }
        catch (GapDetected)
        {
            await deferral.DeferAsync(nameof(Order), orderId, lastApplied, version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId}: ignored version {Incoming}, already at version {LastApplied}")]
    private static partial void LogStale(ILogger logger, Guid orderId, int incoming, int lastApplied);

    private sealed class GapDetected : Exception;
}
