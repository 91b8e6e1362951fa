using Rebus.Pipeline;
using Rebus.Transport;

namespace EdaService.KillSwitch;

/// <summary>
/// Outside Rebus's retry step, so what it turns away is never counted as a delivery attempt nor dead-lettered: while
/// the switch is open a message goes back to the queue unhandled; while half-open one message probes and the others
/// wait for its outcome (Rebus's parallelism is fixed at start, so one worker alone would still take many at once).
/// </summary>
[StepDocumentation("Kill switch gate: returns messages to the queue unhandled while the switch is open; lets one probe through while half-open.")]
internal sealed class KillSwitchGateStep(KillSwitchStateMachine killSwitch) : IIncomingStep
{
    /// <summary>
    /// How long a turned-away message is held before it goes back. Returning at once would let the workers, which stop a
    /// moment after the trip, take the same message again in a tight loop (each return is a delivery count on a broker).
    /// </summary>
    public static readonly TimeSpan RefusedMessageHold = TimeSpan.FromSeconds(1);

    public async Task Process(IncomingStepContext context, Func<Task> next)
    {
        var busStopping = context.Load<CancellationToken>();
        while (true)
        {
            var admission = killSwitch.Admit();
            switch (admission.Kind)
            {
                case AdmissionKind.Refuse:
                    await HoldAsync(Task.Delay(RefusedMessageHold, busStopping), busStopping);
                    ReturnToQueue(context);
                    return;
                case AdmissionKind.Wait:
                    if (!await HoldAsync(admission.Verdict!, busStopping))
                    {
                        ReturnToQueue(context);
                        return;
                    }

                    continue;
                default:
                    context.Save(admission);
                    try
                    {
                        await next();
                    }
                    finally
                    {
                        killSwitch.Release(admission);
                    }

                    return;
            }
        }
    }

    /// <summary>Rolls back the receive: the transport puts the message back, with no delivery attempt recorded by Rebus.</summary>
    private static void ReturnToQueue(IncomingStepContext context) =>
        context.Load<ITransactionContext>().SetResult(commit: false, ack: false);

    /// <summary>Waits for <paramref name="task"/>; false when the bus began stopping first.</summary>
    internal static async Task<bool> HoldAsync(Task task, CancellationToken busStopping)
    {
        try
        {
            await task.WaitAsync(busStopping);
            return true;
        }
        catch (OperationCanceledException) when (busStopping.IsCancellationRequested)
        {
            return false;
        }
    }
}
