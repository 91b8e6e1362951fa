using EdaService.Outbox;
using Rebus.Threading;

namespace EdaService.UnitTests.Outbox;

/// <summary>Rebus's outbox forwarder polls as configured; Rebus's other periodic tasks keep their own interval.</summary>
public sealed class ForwarderPollTaskFactoryTests
{
    [Fact]
    public void The_forwarder_polls_at_the_configured_interval()
    {
        var inner = new RecordingFactory();

        new ForwarderPollTaskFactory(inner, TimeSpan.FromSeconds(30)).Create(ForwarderPollTaskFactory.ForwarderTask, () => Task.CompletedTask, intervalSeconds: 1);

        Assert.Equal((ForwarderPollTaskFactory.ForwarderTask, 30), inner.Request);
    }

    [Fact]
    public void Every_other_periodic_task_keeps_its_interval()
    {
        var inner = new RecordingFactory();

        var cleaner = new ForwarderPollTaskFactory(inner, TimeSpan.FromSeconds(30)).Create("OutboxCleaner", () => Task.CompletedTask, intervalSeconds: 120);

        Assert.Same(inner.Created, cleaner);
        Assert.Equal(("OutboxCleaner", 120), inner.Request);
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
