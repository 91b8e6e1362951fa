using System.Collections.Concurrent;
using System.Text;
using EdaService.KillSwitch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rebus.Activation;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Retry.Simple;
using Rebus.Transport.InMem;

namespace EdaService.UnitTests.KillSwitch;

/// <summary>The gate and counting steps in a real Rebus pipeline on the in-memory transport (2 delivery attempts).</summary>
public sealed class KillSwitchPipelineTests : IDisposable
{
    private const string InputQueue = "input";
    private const string ErrorQueue = "error";

    private readonly FakeTimeProvider _clock = new();
    private readonly InMemNetwork _network = new();
    private readonly BuiltinHandlerActivator _activator = new();
    private readonly ConcurrentQueue<string> _events = new();
    private readonly KillSwitchStateMachine _killSwitch;

    public KillSwitchPipelineTests()
    {
        _killSwitch = KillSwitchFactory.Create(_clock);
        _network.CreateQueue(ErrorQueue);
        _activator.Handle<Work>(async work =>
        {
            _events.Enqueue($"start {work.Name}");
            await Task.Delay(work.Kind.StartsWith("slow", StringComparison.Ordinal) ? 300 : 0);
            _events.Enqueue($"end {work.Name}");
            if (work.Kind.EndsWith("fail", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("dependency down");
            }

            if (work.Kind == "reject")
            {
                throw new RejectedByValidationException();
            }
        });
    }

    public void Dispose() => _activator.Dispose();

    [Fact]
    public async Task Fail_fast_and_undeserializable_messages_do_not_count_while_ordinary_failures_do()
    {
        Start(parallelism: 5);

        for (var i = 0; i < 20; i++)
        {
            await Send("reject", $"r{i}");
            DeliverUndeserializable();
        }

        await Until(() => _network.GetCount(ErrorQueue) == 40, "40 rejected and undeserializable messages in the error queue");
        Assert.Equal(KillSwitchState.Closed, _killSwitch.State);

        for (var i = 0; i < 5; i++)
        {
            await Send("fail", $"f{i}");
        }

        await Until(() => _killSwitch.State == KillSwitchState.Open, "10 failed attempts to trip the switch");
    }

    [Fact]
    public async Task While_open_messages_stay_in_the_queue_unhandled_and_none_is_dead_lettered()
    {
        Start(parallelism: 5);
        _killSwitch.Trip("test");

        for (var i = 0; i < 5; i++)
        {
            await Send("ok", $"m{i}");
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        Assert.Empty(_events);
        Assert.Equal(0, _network.GetCount(ErrorQueue));

        _killSwitch.Reset();
        await Until(() => _events.Count(e => e.StartsWith("end", StringComparison.Ordinal)) == 5, "all 5 messages handled after the reset");
        Assert.Equal(0, _network.GetCount(ErrorQueue));
    }

    [Fact]
    public async Task Half_open_lets_one_probe_through_alone_and_the_waiting_messages_follow_its_success()
    {
        Start(parallelism: 5);
        var deadLettered = await TripWithFailuresAsync();
        _events.Clear();
        _clock.Advance(KillSwitchFactory.Options().CoolDown);
        Assert.Equal(KillSwitchState.HalfOpen, _killSwitch.State);

        for (var i = 0; i < 5; i++)
        {
            await Send("slow", $"s{i}");
        }

        await Until(() => _events.Count(e => e.StartsWith("end", StringComparison.Ordinal)) == 5, "all 5 messages handled");
        var events = _events.ToArray();
        Assert.StartsWith("start", events[0]);
        Assert.Equal(events[0].Replace("start", "end"), events[1]);
        Assert.Equal(KillSwitchState.Closed, _killSwitch.State);
        Assert.Equal(deadLettered, _network.GetCount(ErrorQueue));
    }

    [Fact]
    public async Task A_failed_probe_and_a_failed_second_probe_open_it_again_and_the_waiting_messages_go_back_unhandled()
    {
        Start(parallelism: 5);
        var deadLettered = await TripWithFailuresAsync();
        _events.Clear();
        _clock.Advance(KillSwitchFactory.Options().CoolDown);

        await Send("slowfail", "probe");
        await Until(() => !_events.IsEmpty, "the probe to start");
        for (var i = 0; i < 3; i++)
        {
            await Send("fail", $"w{i}");
        }

        await Until(() => _killSwitch.State == KillSwitchState.Open, "the second failed probe to re-open the switch");
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        var events = _events.ToArray();
        Assert.Equal(["start probe", "end probe"], events[..2]);
        Assert.Equal(4, events.Length);
        Assert.StartsWith("start w", events[2]);
        Assert.Equal(deadLettered, _network.GetCount(ErrorQueue));
    }

    [Fact]
    public async Task A_long_outage_dead_letters_nothing_however_many_probes_fail()
    {
        Start(parallelism: 5);
        var deadLettered = await TripWithFailuresAsync();
        _events.Clear();
        await Send("fail", "a");
        await Send("fail", "b");

        // Four cool-downs, each with a failed probe and a failed second probe: every message fails twice its 2 attempts.
        for (var cycle = 1; cycle <= 4; cycle++)
        {
            _clock.Advance(KillSwitchFactory.Options().CoolDown);
            await Until(() => _killSwitch.State == KillSwitchState.Open && _events.Count(e => e.StartsWith("end", StringComparison.Ordinal)) == 2 * cycle,
                $"both probes of cool-down {cycle} to fail");
        }

        Assert.Equal(deadLettered, _network.GetCount(ErrorQueue));
        Assert.Equal(4, _events.Count(e => e == "end a"));
        Assert.Equal(4, _events.Count(e => e == "end b"));
    }

    [Fact]
    public async Task A_poison_message_at_the_head_of_the_queue_leaves_for_the_error_queue_once_a_second_probe_succeeds()
    {
        Start(parallelism: 5);
        var deadLettered = await TripWithFailuresAsync();
        _events.Clear();
        await Send("fail", "poison");
        _clock.Advance(KillSwitchFactory.Options().CoolDown);
        await Until(() => _events.Contains("end poison"), "the poison message to fail as the probe");

        // The failed probe is held; the next message probes, succeeds and closes the switch. The poison message then
        // fails while the switch is closed, where its attempts count.
        await Send("ok", "good");

        await Until(() => _network.GetCount(ErrorQueue) == deadLettered + 1, "the poison message in the error queue");
        Assert.Equal(KillSwitchState.Closed, _killSwitch.State);
        Assert.Contains("end good", _events);
    }

    /// <summary>
    /// Trips the switch with 10 failed attempts of 5 messages. Those whose last attempt failed before the trip are
    /// dead-lettered (the number is returned); the one that tripped it, and any failing in the moment after, go back to
    /// the queue instead. Those are then taken out, so the scenario that follows starts from an empty queue.
    /// </summary>
    private async Task<int> TripWithFailuresAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            await Send("fail", $"f{i}");
        }

        await Until(() => _killSwitch.State == KillSwitchState.Open, "the switch to trip");
        var workers = _activator.Bus.Advanced.Workers;
        workers.SetNumberOfWorkers(0);
        await Until(() => _network.GetCount(ErrorQueue) + _network.GetCount(InputQueue) == 5, "each failed message dead-lettered or back in the queue");
        var deadLettered = _network.GetCount(ErrorQueue);
        Assert.InRange(deadLettered, 0, 4);
        while (_network.GetNextOrNull(InputQueue) is not null)
        {
        }

        workers.SetNumberOfWorkers(1);
        return deadLettered;
    }

    private void Start(int parallelism)
    {
        var services = new ServiceCollection().AddSingleton(_killSwitch).BuildServiceProvider();
        var rebus = Configure.With(_activator)
            .Logging(l => l.None())
            .Transport(t => t.UseInMemoryTransport(_network, InputQueue))
            .Options(o =>
            {
                o.SetNumberOfWorkers(1);
                o.SetMaxParallelism(parallelism);
                o.RetryStrategy(errorQueueName: ErrorQueue, maxDeliveryAttempts: 2);
            });
        KillSwitchPipeline.Configure(rebus, services);
        rebus.Start();
    }

    private Task Send(string kind, string name) => _activator.Bus.SendLocal(new Work(kind, name));

    private void DeliverUndeserializable() => _network.Deliver(InputQueue, new InMemTransportMessage(new TransportMessage(
        new Dictionary<string, string>
        {
            [Headers.MessageId] = Guid.NewGuid().ToString(),
            [Headers.Type] = typeof(Work).AssemblyQualifiedName!,
            [Headers.ContentType] = "application/json;charset=utf-8",
        },
        Encoding.UTF8.GetBytes("{ not json"))));

    private static async Task Until(Func<bool> condition, string waitingFor)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {waitingFor}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public sealed record Work(string Kind, string Name);
}
