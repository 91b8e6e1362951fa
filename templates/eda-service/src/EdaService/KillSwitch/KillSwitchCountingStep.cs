using Rebus.Messages;
using Rebus.Pipeline;

namespace EdaService.KillSwitch;

/// <summary>
/// Inside Rebus's retry step, so every delivery attempt is seen: a failure that counts feeds the switch (and may trip
/// it), a success feeds the failure rate. The exception always goes on to the retry step unchanged.
/// </summary>
[StepDocumentation("Kill switch: counts each delivery attempt's outcome.")]
internal sealed class KillSwitchCountingStep(KillSwitchStateMachine killSwitch, FailureClassifier classifier) : IIncomingStep
{
    public async Task Process(IncomingStepContext context, Func<Task> next)
    {
        var admission = context.Load<Admission>() ?? Admission.Pass;
        try
        {
            await next();
        }
        catch (Exception exception)
        {
            var messageId = context.Load<TransportMessage>().Headers.GetValueOrDefault(Headers.MessageId) ?? "";
            var deserialized = context.Load<Message>() is not null;
            if (classifier.Counts(exception, messageId, deserialized, context.Load<CancellationToken>()))
            {
                killSwitch.RecordFailure(admission, exception);
            }

            throw;
        }

        killSwitch.RecordSuccess(admission);
    }
}
