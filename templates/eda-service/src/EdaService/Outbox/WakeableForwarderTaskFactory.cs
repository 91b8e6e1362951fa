using System.Diagnostics;
using Rebus.Threading;

namespace EdaService.Outbox;

/// <summary>
/// Decorates Rebus's periodic-task factory so that its outbox forwarder runs when <see cref="ForwarderWakeUp"/> is
/// woken and otherwise every <paramref name="poll"/>. Rebus's own task only polls, every second, so each event waited
/// half a second on average between its commit and its send. Every other periodic task is Rebus's, unchanged.
/// </summary>
internal sealed partial class WakeableForwarderTaskFactory(
    IAsyncTaskFactory inner, ForwarderWakeUp wakeUp, TimeSpan poll, ILogger<WakeableForwarderTaskFactory> logger) : IAsyncTaskFactory
{
    /// <summary>The name Rebus.SqlServer and Rebus.PostgreSql give their forwarder's periodic task.</summary>
    public const string ForwarderTask = "OutboxForwarder";

    public IAsyncTask Create(string description, Func<Task> action, bool prettyInsignificant = false, int intervalSeconds = 10) =>
        description == ForwarderTask
            ? new WakeableTask(action, wakeUp, poll, logger)
            : inner.Create(description, action, prettyInsignificant, intervalSeconds);

    /// <summary>
    /// A wake-up starts a pass at most this soon after the previous one: a quiet service sends at once, a busy one sends
    /// every 50 ms what committed meanwhile. Each pass costs the same scan past the rows it deleted before, so a pass per
    /// commit or two cost PostgreSQL about a sixth more CPU per message in the pack's benchmark.
    /// </summary>
    private static readonly TimeSpan PassSpacing = TimeSpan.FromMilliseconds(50);

    private sealed class WakeableTask(Func<Task> action, ForwarderWakeUp wakeUp, TimeSpan poll, ILogger logger) : IAsyncTask
    {
        private readonly CancellationTokenSource _stopping = new();
        private Task? _loop;

        public void Start() => _loop = Task.Run(() => RunAsync(_stopping.Token));

        private async Task RunAsync(CancellationToken stopping)
        {
            try
            {
                var sinceLastPass = Stopwatch.StartNew();
                while (!stopping.IsCancellationRequested)
                {
                    var woken = await wakeUp.WaitAsync(poll, stopping);
                    var early = PassSpacing - sinceLastPass.Elapsed;
                    if (woken && early > TimeSpan.Zero)
                    {
                        await Task.Delay(early, stopping);
                    }

                    sinceLastPass.Restart();

                    try
                    {
                        await action();
                    }
                    catch (Exception exception) when (!stopping.IsCancellationRequested)
                    {
                        // As Rebus's own periodic task does: the rows stay in the outbox and the next pass tries again.
                        LogFailed(logger, exception);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
            }
        }

        public void Dispose()
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            // Rebus waits as long for its own periodic tasks: a send in progress gets to finish and mark its rows.
            if (_loop is not null && !_loop.Wait(TimeSpan.FromSeconds(5)))
            {
                LogSlowStop(logger);
            }

            _stopping.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox forwarder failed; it tries again at its next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox forwarder did not stop within 5 seconds")]
    private static partial void LogSlowStop(ILogger logger);
}
