using Rebus.Pipeline;
using Rebus.Transport;

namespace EdaService.Messaging;

/// <summary>
/// A Rebus scope nested in the handled message's: what a unit of work sends waits in it until the unit of work completes
/// it, and is dropped when the unit of work fails, even if the handler then catches the failure.
/// </summary>
internal static class UnitOfWorkScope
{
    public static RebusTransactionScope Begin()
    {
        // Read first: the new scope becomes the ambient context that MessageContext.Current reads from.
        var incoming = MessageContext.Current?.IncomingStepContext;
        var scope = new RebusTransactionScope();
        if (incoming is not null)
        {
            // Lets the handled message's correlation id flow to what the work publishes.
            scope.TransactionContext.Items[StepContext.StepContextKey] = incoming;
        }

        return scope;
    }
}
