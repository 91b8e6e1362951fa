using Rebus.Pipeline;
using Rebus.Retry;

namespace EdaService.KillSwitch;

/// <summary>
/// After each failed attempt Rebus asks whether the message has failed too many times and goes to the error queue. While
/// the switch is not closed the answer is no: the failure is part of what tripped it (an outage, a flood), so the message
/// goes back to the queue and waits with the others instead of being dead-lettered for a failure that stopping is meant
/// to ride out. A half-open probe is never dead-lettered either, however long the outage: a failed probe is held until
/// a second message decides (see <see cref="KillSwitchStateMachine"/>), so a head of the queue that is truly poison lets
/// the switch close and then fails while it is closed, where its attempts count. Rejections (fail-fast) do not ask and
/// still go to the error queue at once.
/// </summary>
internal sealed class KillSwitchErrorTracker(IErrorTracker inner, KillSwitchStateMachine killSwitch) : IErrorTracker
{
    public Task RegisterError(string messageId, Exception exception) => inner.RegisterError(messageId, exception);

    public Task CleanUp(string messageId) => inner.CleanUp(messageId);

    public async Task<bool> HasFailedTooManyTimes(string messageId) =>
        killSwitch.State == KillSwitchState.Closed && !IsProbe() && await inner.HasFailedTooManyTimes(messageId);

    // Rebus asks from inside the message's pipeline, where the gate saved this delivery's admission.
    private static bool IsProbe() =>
        MessageContext.Current?.IncomingStepContext.Load<Admission>() is { Kind: AdmissionKind.Probe };

    public Task<string> GetFullErrorDescription(string messageId) => inner.GetFullErrorDescription(messageId);

    public Task<IReadOnlyList<ExceptionInfo>> GetExceptions(string messageId) => inner.GetExceptions(messageId);

    public Task MarkAsFinal(string messageId) => inner.MarkAsFinal(messageId);
}
