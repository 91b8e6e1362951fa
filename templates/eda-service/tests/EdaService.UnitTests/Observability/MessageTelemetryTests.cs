using System.Diagnostics;
using EdaService.Observability;
using Rebus.Activation;
using Rebus.Bus;
using Rebus.Config;
using Rebus.Retry.Simple;
using Rebus.Transport.InMem;

namespace EdaService.UnitTests.Observability;

public sealed record TracedWork(string Name, bool Fail = false, bool Forward = false);

public sealed record TracedFollowUp(string Name);

/// <summary>The tracing and metrics steps in a real Rebus pipeline on the in-memory transport, exported through OpenTelemetry.</summary>
public sealed class MessageTelemetryTests : IDisposable
{
    private readonly TelemetryCapture _telemetry = new();
    private readonly InMemNetwork _network = new();
    private readonly BuiltinHandlerActivator _activator = new();
    private int _followUps;

    public MessageTelemetryTests()
    {
        _network.CreateQueue("error");
        _activator.Handle<TracedWork>(async (bus, _, work) =>
        {
            if (work.Fail)
            {
                throw new InvalidOperationException("handler failed");
            }

            if (work.Forward)
            {
                // Another service would receive this: the trace must continue there through the message's headers.
                await bus.SendLocal(new TracedFollowUp(work.Name));
            }
        });
        _activator.Handle<TracedFollowUp>(_ =>
        {
            Interlocked.Increment(ref _followUps);
            return Task.CompletedTask;
        });
        var rebus = Configure.With(_activator)
            .Logging(l => l.None())
            .Transport(t => t.UseInMemoryTransport(_network, "input"));
        ObservabilityPipeline.Configure(rebus, _telemetry.Services);
        rebus.Options(o => o.RetryStrategy(errorQueueName: "error", maxDeliveryAttempts: 2)).Start();
    }

    private IBus Bus => _activator.Bus;

    public void Dispose()
    {
        _activator.Dispose();
        _telemetry.Dispose();
    }

    [Fact]
    public async Task A_handled_message_produces_a_consumer_span_named_for_its_type_and_counts_as_handled()
    {
        await Bus.SendLocal(new TracedWork("one"));

        var span = await Eventually(() => _telemetry.Spans().SingleOrDefault(s => s.DisplayName == "process TracedWork"), "the consumer span");
        Assert.Equal(ActivityKind.Consumer, span.Kind);
        Assert.Equal("TracedWork", span.GetTagItem(MessageHandlingMetrics.MessageTypeTag));
        Assert.Equal("input", span.GetTagItem("messaging.destination.name"));
        Assert.NotEqual(ActivityStatusCode.Error, span.Status);

        var handled = _telemetry.Points(MessageHandlingMetrics.HandledInstrument)
            .Where(p => TelemetryCapture.HasTag(p, MessageHandlingMetrics.MessageTypeTag, "TracedWork")).Sum(p => p.GetSumLong());
        Assert.Equal(1, handled);
        Assert.Empty(_telemetry.Points(MessageHandlingMetrics.FailedInstrument));
        Assert.Single(_telemetry.Points(MessageHandlingMetrics.DurationInstrument));
    }

    [Fact]
    public async Task Each_failed_attempt_is_an_error_span_and_counts_as_failed_with_the_exception_type()
    {
        await Bus.SendLocal(new TracedWork("poison", Fail: true));

        await Eventually(() => _network.GetCount("error") == 1 ? true : (bool?)null, "the message in the error queue");
        var spans = _telemetry.Spans().Where(s => s.DisplayName == "process TracedWork").ToList();
        Assert.Equal(2, spans.Count);
        Assert.All(spans, s => Assert.Equal(ActivityStatusCode.Error, s.Status));
        Assert.All(spans, s => Assert.Equal(typeof(InvalidOperationException).FullName, s.GetTagItem("error.type")));

        var failed = _telemetry.Points(MessageHandlingMetrics.FailedInstrument)
            .Where(p => TelemetryCapture.HasTag(p, "error.type", typeof(InvalidOperationException).FullName!)).Sum(p => p.GetSumLong());
        Assert.Equal(2, failed);
        Assert.Empty(_telemetry.Points(MessageHandlingMetrics.HandledInstrument));
    }

    [Fact]
    public async Task The_trace_continues_through_the_traceparent_header_of_messages_sent_while_handling()
    {
        await Bus.SendLocal(new TracedWork("chain", Forward: true));
        await Eventually(() => Volatile.Read(ref _followUps) == 1 ? true : (bool?)null, "the follow-up handled");

        var spans = await Eventually(
            () => _telemetry.Spans() is var all && all.Any(s => s.DisplayName == "process TracedFollowUp") ? all : null, "the follow-up's span");
        var send = spans.Single(s => s.DisplayName == "send TracedWork");
        var process = spans.Single(s => s.DisplayName == "process TracedWork");
        var sendFollowUp = spans.Single(s => s.DisplayName == "send TracedFollowUp");
        var processFollowUp = spans.Single(s => s.DisplayName == "process TracedFollowUp");

        Assert.Equal(ActivityKind.Producer, send.Kind);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal(process.SpanId, sendFollowUp.ParentSpanId);
        Assert.Equal(sendFollowUp.SpanId, processFollowUp.ParentSpanId);
        Assert.All([process, sendFollowUp, processFollowUp], s => Assert.Equal(send.TraceId, s.TraceId));
    }

    [Fact]
    public void Message_type_names_are_shortened_to_the_class_name()
    {
        Assert.Equal("OrderPlaced", Telemetry.ShortTypeName("EdaService.Contracts.OrderPlaced, EdaService.Contracts"));
        Assert.Equal("Inner", Telemetry.ShortTypeName("Ns.Outer+Inner, Asm"));
        Assert.Equal("unknown", Telemetry.ShortTypeName(null));
    }

    private static async Task<T> Eventually<T>(Func<T?> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Timed out waiting for {what}");
    }

    private static async Task Eventually(Func<bool?> probe, string what)
    {
        await Eventually<object>(() => probe() == true ? true : null, what);
    }
}
