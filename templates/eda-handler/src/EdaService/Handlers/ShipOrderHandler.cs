using EdaService.Contracts;
using EdaService.Data;
#if (UseOrderChange)
using EdaService.Ordering;
#endif
using Rebus.Handlers;

namespace EdaService.Handlers;

#if (UseOrderChange)
/// <summary>TODO: decide how ShipOrder changes the order when <see cref="HandledEvent"/> arrives.</summary>
/// <remarks>
/// Registered, and <see cref="HandledEvent"/> subscribed, by Messaging/HandlerDiscovery.cs because it lives in Handlers/.
#if (UseValidation)
/// Every <see cref="HandledEvent"/> was validated before it got here (Validation/Validators holds its rules).
#endif
/// </remarks>
internal sealed class ShipOrderHandler(OrderChanges changes) : IHandleMessages<HandledEvent>
{
    // Applied inside the unit of work in version order: a stale version is acknowledged without effect, a gap is
    // deferred until the missing versions arrived, and a concurrent update re-runs the change on fresh data.
    public Task Handle(HandledEvent message) =>
        changes.ApplyAsync(nameof(ShipOrderHandler), message.OrderId, message.Version, order => Apply(order, message));

    /// <summary>The change itself, on the stored order. It must end by advancing the version.</summary>
    internal static void Apply(Order order, HandledEvent message)
    {
        // TODO: decide what changes on the order (add a method to Data/Order.cs for it).
        order.Advance(message.Version);
    }
}
#else
/// <summary>TODO: decide what ShipOrder does when <see cref="HandledEvent"/> arrives.</summary>
/// <remarks>
/// Registered, and <see cref="HandledEvent"/> subscribed, by Messaging/HandlerDiscovery.cs because it lives in Handlers/.
#if (UseValidation)
/// Every <see cref="HandledEvent"/> was validated before it got here (Validation/Validators holds its rules).
#endif
/// </remarks>
public sealed partial class ShipOrderHandler(EdaServiceDbContext db, IUnitOfWork unitOfWork, ILogger<ShipOrderHandler> logger)
    : IHandleMessages<HandledEvent>
{
    public async Task Handle(HandledEvent message)
    {
        // Write and publish only inside the unit of work, named after this handler: the writes and the events published
        // commit together or not at all (Data/IUnitOfWork.cs).
#if (UseIdempotency)
        // The name keys the processed-messages record, so a redelivered message is acknowledged without a second effect.
#endif
        var result = await unitOfWork.ExecuteAsync(nameof(ShipOrderHandler), async cancellationToken =>
        {
            // TODO: decide the work: change rows through db; publish through an injected Rebus IBus (new events come
            // with `dotnet new eda-event`). A failure here rolls everything back and the message is retried.
            // Services from pack 0.6.0 on also save when the work returns (with the outbox rows, one batch), so this
            // save can go there; earlier services need it.
            await db.SaveChangesAsync(cancellationToken);
        });

        // A duplicate was acknowledged without running the work: only a committed unit of work handled anything.
        if (result == UnitOfWorkResult.Committed)
        {
            LogHandled(logger, typeof(HandledEvent).Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ShipOrder handled {MessageType}")]
    private static partial void LogHandled(ILogger logger, string messageType);
}
#endif
