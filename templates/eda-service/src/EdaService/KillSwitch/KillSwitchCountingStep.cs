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
    public static readonly TimeSpan FailedMessageHold = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long a failed probe is held for a second message to probe. Messages that arrived while the probe ran are
    /// already waiting at the gate, so this only runs out when the queue holds nothing else.
    /// </summary>
    public static readonly TimeSpan SecondProbeWait = TimeSpan.FromSeconds(5);

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
            var busStopping = context.Load<CancellationToken>();
            if (classifier.Counts(exception, messageId, deserialized, busStopping))
            {
                killSwitch.RecordFailure(admission, exception);

                // Keeps the failed message (and its lock) a moment before it goes back. Returned at once it is the head
                // of the queue again and the next free slot retries it straight away: in an outage that fails fast
                // (connection refused), one message used up its delivery attempts and was dead-lettered before the
                // others' failures tripped the switch. Held, the other slots take other messages, so the switch trips
                // after about FailureThreshold / MaxParallelism attempts per message, within MaxDeliveryAttempts while
                // MaxParallelism x (MaxDeliveryAttempts - 1) reaches FailureThreshold. A poison message pays the hold
                // once per attempt; at shutdown the failure goes on without waiting.
                await KillSwitchGateStep.HoldAsync(Task.Delay(FailedMessageHold, busStopping), busStopping);
                if (admission.Kind == AdmissionKind.Probe)
                {
                    await AwaitSecondProbeAsync(admission, busStopping);
                }
            }

            throw;
        }

        killSwitch.RecordSuccess(admission);
    }

    // Holding the failed probe keeps it (and its lock) from the transport, so the second probe is another message.
    private async Task AwaitSecondProbeAsync(Admission probe, CancellationToken busStopping)
    {
        var verdict = killSwitch.SecondProbeVerdict(probe);
        var waited = Task.Delay(SecondProbeWait, busStopping);
        if (await KillSwitchGateStep.HoldAsync(Task.WhenAny(verdict, waited), busStopping) && !verdict.IsCompleted)
        {
            killSwitch.NoSecondProbe(probe, SecondProbeWait);
        }
    }
}
