using Rebus.Threading;

namespace EdaService.Outbox;

/// <summary>
/// Sets how often Rebus's outbox forwarder polls (<see cref="OutboxForwarderOptions.ForwarderPollInterval"/>): with
/// <see cref="OutboxDispatcher"/> sending what this instance commits, the forwarder is the fallback for rows nobody
/// dispatched (a crash, a failed send, another instance). Every other periodic task keeps Rebus's interval.
/// </summary>
internal sealed class ForwarderPollTaskFactory(IAsyncTaskFactory inner, TimeSpan poll) : IAsyncTaskFactory
{
    /// <summary>The name Rebus.SqlServer and Rebus.PostgreSql give their forwarder's periodic task.</summary>
    public const string ForwarderTask = "OutboxForwarder";

    public IAsyncTask Create(string description, Func<Task> action, bool prettyInsignificant = false, int intervalSeconds = 10) =>
        inner.Create(description, action, prettyInsignificant, description == ForwarderTask ? (int)poll.TotalSeconds : intervalSeconds);
}
