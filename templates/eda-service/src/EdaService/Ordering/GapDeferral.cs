using Microsoft.Extensions.Options;
using Rebus.Bus;
using Rebus.Pipeline;

namespace EdaService.Ordering;

/// <summary>
/// Sends a change that arrived before its predecessor back to the queue for later, with its message id kept (so
/// idempotency still recognises it) and a count of how often it waited; past the bound it goes to the error queue.
/// </summary>
internal sealed partial class GapDeferral(IBus bus, IOptions<OrderingOptions> options, ILogger<GapDeferral> logger)
{
    public const string WaitsHeader = "eda-ordering-gap-waits";

    public async Task DeferAsync(string aggregate, Guid id, int lastApplied, int incoming)
    {
        var headers = MessageContext.Current?.Headers
                      ?? throw new InvalidOperationException("A version gap can only be deferred while handling a message.");
        var waits = headers.TryGetValue(WaitsHeader, out var value) && int.TryParse(value, out var parsed) ? parsed : 0;
        if (waits >= options.Value.MaxGapRetries)
        {
            throw new VersionGapException(aggregate, id, lastApplied, incoming, waits);
        }

        LogDeferred(logger, aggregate, id, incoming, lastApplied, waits + 1);
        await bus.Advanced.TransportMessage.Defer(
            options.Value.GapRetryDelay,
            new Dictionary<string, string> { [WaitsHeader] = (waits + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Aggregate} {AggregateId}: version {Incoming} arrived at version {LastApplied}; waiting for the versions in between (wait {Waits})")]
    private static partial void LogDeferred(ILogger logger, string aggregate, Guid aggregateId, int incoming, int lastApplied, int waits);
}
