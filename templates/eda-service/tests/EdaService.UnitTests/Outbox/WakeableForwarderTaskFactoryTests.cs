using EdaService.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Rebus.Threading;

namespace EdaService.UnitTests.Outbox;

/// <summary>Rebus's outbox forwarder runs when a unit of work committed outbox rows, not only when it polls.</summary>
public sealed class WakeableForwarderTaskFactoryTests
{
    private static readonly TimeSpan NoPoll = TimeSpan.FromHours(1);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_wake_up_runs_the_forwarder_without_waiting_for_its_poll()
    {
        var wakeUp = new ForwarderWakeUp();
        var passes = new Passes();
        using var task = Forwarder(wakeUp, NoPoll, passes.RunAsync);
        task.Start();

        wakeUp.Wake();

        await passes.WaitForAsync(1);
    }

    [Fact]
    public async Task Without_a_wake_up_it_still_polls()
    {
        var passes = new Passes();
        using var task = Forwarder(new ForwarderWakeUp(), TimeSpan.FromMilliseconds(100), passes.RunAsync);
        task.Start();

        await passes.WaitForAsync(2);
    }

    [Fact]
    public async Task Wake_ups_during_a_pass_fold_into_one_more_pass()
    {
        var wakeUp = new ForwarderWakeUp();
        var firstPassHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var passes = new Passes(holdFirst: firstPassHeld.Task);
        using var task = Forwarder(wakeUp, NoPoll, passes.RunAsync);
        task.Start();
        wakeUp.Wake();
        await passes.WaitForStartAsync(1);

        for (var i = 0; i < 5; i++)
        {
            wakeUp.Wake();
        }

        firstPassHeld.SetResult();
        await passes.WaitForAsync(2);
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);

        Assert.Equal(2, passes.Completed);
    }

    [Fact]
    public async Task A_failed_pass_does_not_stop_the_forwarder()
    {
        var wakeUp = new ForwarderWakeUp();
        var passes = new Passes(failFirst: true);
        using var task = Forwarder(wakeUp, NoPoll, passes.RunAsync);
        task.Start();

        wakeUp.Wake();
        await passes.WaitForStartAsync(1);
        await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        wakeUp.Wake();

        await passes.WaitForAsync(1);
    }

    [Fact]
    public async Task After_dispose_a_wake_up_runs_nothing()
    {
        var wakeUp = new ForwarderWakeUp();
        var passes = new Passes();
        var task = Forwarder(wakeUp, NoPoll, passes.RunAsync);
        task.Start();
        task.Dispose();

        wakeUp.Wake();
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);

        Assert.Equal(0, passes.Started);
    }

    [Fact]
    public void Every_other_periodic_task_is_left_to_Rebus()
    {
        var inner = new RecordingFactory();
        var factory = new WakeableForwarderTaskFactory(inner, new ForwarderWakeUp(), NoPoll, NullLogger<WakeableForwarderTaskFactory>.Instance);

        var cleaner = factory.Create("OutboxCleaner", () => Task.CompletedTask, intervalSeconds: 120);

        Assert.Same(inner.Created, cleaner);
        Assert.Equal(("OutboxCleaner", 120), inner.Request);
    }

    private static IAsyncTask Forwarder(ForwarderWakeUp wakeUp, TimeSpan poll, Func<Task> pass) =>
        new WakeableForwarderTaskFactory(new RecordingFactory(), wakeUp, poll, NullLogger<WakeableForwarderTaskFactory>.Instance)
            .Create(WakeableForwarderTaskFactory.ForwarderTask, pass, intervalSeconds: 1);

    /// <summary>Counts the forwarder's passes; the first can be held open or fail.</summary>
    private sealed class Passes(Task? holdFirst = null, bool failFirst = false)
    {
        private int _started;
        private int _completed;

        public int Started => Volatile.Read(ref _started);

        public int Completed => Volatile.Read(ref _completed);

        public async Task RunAsync()
        {
            var pass = Interlocked.Increment(ref _started);
            if (pass == 1 && holdFirst is not null)
            {
                await holdFirst;
            }

            if (pass == 1 && failFirst)
            {
                throw new InvalidOperationException("The outbox table cannot be read.");
            }

            Interlocked.Increment(ref _completed);
        }

        public Task WaitForAsync(int completed) => WaitUntilAsync(() => Completed >= completed, $"{completed} completed passes");

        public Task WaitForStartAsync(int started) => WaitUntilAsync(() => Started >= started, $"{started} started passes");

        private async Task WaitUntilAsync(Func<bool> done, string what)
        {
            var deadline = DateTime.UtcNow + Generous;
            while (!done())
            {
                Assert.True(DateTime.UtcNow < deadline, $"Gave up waiting for {what}: {Started} started, {Completed} completed.");
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }
        }
    }

    private sealed class RecordingFactory : IAsyncTaskFactory
    {
        public IAsyncTask? Created { get; private set; }

        public (string Description, int IntervalSeconds)? Request { get; private set; }

        public IAsyncTask Create(string description, Func<Task> action, bool prettyInsignificant = false, int intervalSeconds = 10)
        {
            Request = (description, intervalSeconds);
            return Created = new NoTask();
        }

        private sealed class NoTask : IAsyncTask
        {
            public void Start()
            {
            }

            public void Dispose()
            {
            }
        }
    }
}
