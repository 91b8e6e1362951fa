using EdaTemplates.Soak.Cluster;
using EdaTemplates.Soak.Downstream;
using EdaTemplates.Soak.Ledger;
using EdaTemplates.Soak.Load;
using EdaTemplates.Soak.Service;

namespace EdaTemplates.Soak.Chaos;

/// <summary>Carries out the plan, one step at a time, as the feed reaches each step's share of the messages.</summary>
internal sealed class ChaosRunner(
    ServiceProcess first,
    ServiceProcess second,
    PostgresCluster business,
    ServiceLog log,
    LedgerReader ledger,
    QueueProbe queues,
    string inputQueue,
    Feeder feeder,
    FeedGate gate,
    int totalMessages,
    SoakOptions options,
    Random random,
    Action<string> progress)
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Messages let in at a time while a half-open instance waits for one to probe with.</summary>
    private const int ProbeFeed = 10;

    /// <summary>How long the closed instances stand still while a half-open one looks for its probe (several of its polls).</summary>
    private static readonly TimeSpan ProbePause = TimeSpan.FromSeconds(3);

    public List<KillRecord> Kills { get; } = [];

    public OutageRecord? Outage { get; private set; }

    public async Task RunAsync(IReadOnlyList<ChaosStep> plan, Task feeding, CancellationToken cancellationToken)
    {
        gate.OpenTo(Threshold(plan.FirstOrDefault()));
        for (var index = 0; index < plan.Count; index++)
        {
            var step = plan[index];
            while (feeder.Sent < Threshold(step) && !feeding.IsCompleted)
            {
                // The feeder holds back while the backlog is full: with no instance left to consume it would wait for good.
                if (!first.IsRunning && !second.IsRunning)
                {
                    throw new InvalidOperationException(
                        $"No service instance is running: {string.Join("; ", first.UnexpectedExits.Concat(second.UnexpectedExits))}");
                }

                await Task.Delay(20, cancellationToken);
            }

            // The stream goes on during the disruption, up to the next one. Each step opens the gate when its disruption
            // is about to hit: opened earlier (while a restarted instance warms up, say), the stream could drain first.
            var next = Threshold(index + 1 < plan.Count ? plan[index + 1] : null);
            void OpenGate() => gate.OpenTo(next);
            await (step.Action switch
            {
                ChaosAction.Kill => KillAsync(step.WhileForwarding, OpenGate, cancellationToken),
                ChaosAction.Outage => OutageAsync(OpenGate, cancellationToken),
                ChaosAction.StartSecondInstance => StartSecondAsync(OpenGate),
                _ => StopSecondAsync(OpenGate),
            });
        }
    }

    private int Threshold(ChaosStep? step) => step is null ? totalMessages : (int)(step.AtFraction * totalMessages);

    private async Task KillAsync(bool whileForwarding, Action openGate, CancellationToken cancellationToken)
    {
        var running = new[] { first, second }.Where(s => s.IsRunning).ToList();
        var target = running[random.Next(running.Count)];
        await target.WaitReadyAsync(ReadyTimeout);
        openGate();
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(100, 1500)), cancellationToken);
        var outbox = await ledger.OutboxCountAsync();
        // With the queues in the business database nothing goes through the outbox: no forwarder to catch mid-send.
        if (whileForwarding && !options.SharedDatabase)
        {
            // Wait for committed rows not sent yet, or being sent: the dispatcher takes them within milliseconds of
            // their commit, the forwarder (after a kill) within its one-second poll.
            var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
            while (outbox == 0 && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(10, cancellationToken);
                outbox = await ledger.OutboxCountAsync();
            }
        }

        var queued = await queues.CountAsync(inputQueue);
        await target.KillAsync();
        Kills.Add(new KillRecord(target.Name, DateTimeOffset.UtcNow, outbox, queued, whileForwarding));
        progress($"SIGKILL {target.Name} (#{Kills.Count}; outbox rows {outbox}, queued {queued}); restarting");
        target.Start();
    }

    private async Task OutageAsync(Action openGate, CancellationToken cancellationToken)
    {
        var instances = new[] { first, second }.Where(s => s.IsRunning).ToList();
        foreach (var instance in instances)
        {
            await instance.WaitReadyAsync(ReadyTimeout);
        }

        progress($"stopping the business database for {options.Outage.TotalSeconds:0} s");
        await business.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        openGate();
        await Task.Delay(options.Outage, cancellationToken);
        await business.StartAsync();
        var outage = new OutageRecord(stoppedAt, DateTimeOffset.UtcNow, instances.Select(i => i.Name).ToList());
        Outage = outage;
        progress("business database started again; waiting for the kill switch to close");

        // No kill before the switch resumed: a restarted instance starts closed and the resume would go unobserved.
        var deadline = DateTimeOffset.UtcNow + options.KillSwitchCoolDown * 3 + TimeSpan.FromSeconds(60);
        while (DateTimeOffset.UtcNow < deadline && !AllResumed(outage))
        {
            if (await queues.CountReceivableAsync(inputQueue) == 0)
            {
                await FeedProbesAsync(outage, cancellationToken);
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private bool AllResumed(OutageRecord outage) => outage.Instances.All(i => KillSwitchCheck.HasResumed(outage, log.Transitions, i));

    /// <summary>
    /// A half-open instance resumes only with a message to probe with, and once the instance that closed first has
    /// drained the queue up to the gate, none comes. Letting a few more in is not enough: the closed instance's workers,
    /// busy a moment ago, poll every millisecond, the half-open instance's one worker, idle since the trip, every 500 ms
    /// (the service's backoff), so the closed one takes them all (seed 230278 failed that way). So the closed instances
    /// stand still (SIGSTOP) while a few messages come in, until the half-open ones resumed or a few of their polls passed.
    /// </summary>
    private async Task FeedProbesAsync(OutageRecord outage, CancellationToken cancellationToken)
    {
        var closed = new[] { first, second }.Where(i => i.IsRunning && KillSwitchCheck.HasResumed(outage, log.Transitions, i.Name)).ToList();
        var paused = new List<IDisposable>();
        try
        {
            foreach (var instance in closed)
            {
                paused.Add(instance.Pause());
            }

            gate.OpenTo(feeder.Sent + ProbeFeed);
            progress($"queue empty with a kill switch half-open: {ProbeFeed} more messages in, "
                     + (closed.Count == 0 ? "no instance paused" : $"{string.Join(", ", closed.Select(i => i.Name))} paused (SIGSTOP) for up to {ProbePause.TotalSeconds:0} s"));
            var until = DateTimeOffset.UtcNow + ProbePause;
            while (DateTimeOffset.UtcNow < until && !AllResumed(outage))
            {
                await Task.Delay(50, cancellationToken);
            }
        }
        finally
        {
            foreach (var pause in paused)
            {
                pause.Dispose();
            }
        }
    }

    private async Task StartSecondAsync(Action openGate)
    {
        openGate();
        progress($"starting {second.Name}: two instances compete on the queue");
        second.Start();
        await second.WaitReadyAsync(ReadyTimeout);
    }

    private async Task StopSecondAsync(Action openGate)
    {
        openGate();
        progress($"stopping {second.Name} (SIGTERM)");
        await second.StopAsync(TimeSpan.FromSeconds(30));
    }
}
