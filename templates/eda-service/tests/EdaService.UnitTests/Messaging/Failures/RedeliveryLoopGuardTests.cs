using EdaService.Messaging.Failures;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using Rebus.Messages;

namespace EdaService.UnitTests.Messaging.Failures;

/// <summary>A message whose deliveries keep ending in an exception is forced out after the limit, and health shows it.</summary>
public sealed class RedeliveryLoopGuardTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void A_message_is_forced_at_the_limit_and_not_before()
    {
        var guard = new RedeliveryLoopGuard(3, _clock);

        Assert.Equal(1, guard.RecordEscape("m1"));
        Assert.Equal(2, guard.RecordEscape("m1"));
        Assert.False(guard.MustForce("m1"));
        Assert.Equal(3, guard.RecordEscape("m1"));
        Assert.True(guard.MustForce("m1"));
        Assert.False(guard.MustForce("m2"));
    }

    [Fact]
    public void A_delivery_that_completes_ends_the_count()
    {
        var guard = new RedeliveryLoopGuard(3, _clock);
        guard.RecordEscape("m1");
        guard.RecordEscape("m1");

        guard.Completed("m1");

        Assert.Equal(1, guard.RecordEscape("m1"));
    }

    [Fact]
    public void Escapes_far_apart_are_not_a_loop()
    {
        var guard = new RedeliveryLoopGuard(2, _clock);
        guard.RecordEscape("m1");
        _clock.Advance(RedeliveryLoopGuard.Memory);

        Assert.Equal(1, guard.RecordEscape("m1"));
        Assert.False(guard.MustForce("m1"));
    }

    [Fact]
    public void A_message_without_an_id_is_keyed_by_its_content()
    {
        var headers = new Dictionary<string, string> { [Headers.Type] = "t" };
        var a = RedeliveryLoopGuard.KeyOf(new TransportMessage(headers, [1, 2, 3]));
        var b = RedeliveryLoopGuard.KeyOf(new TransportMessage(new Dictionary<string, string>(headers), [1, 2, 3]));
        var c = RedeliveryLoopGuard.KeyOf(new TransportMessage(headers, [1, 2, 4]));
        var blankId = RedeliveryLoopGuard.KeyOf(new TransportMessage(new Dictionary<string, string> { [Headers.MessageId] = " " }, [1]));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.StartsWith("sha256:", blankId);
        Assert.Equal("id-1", RedeliveryLoopGuard.KeyOf(new TransportMessage(new Dictionary<string, string> { [Headers.MessageId] = "id-1" }, [])));
    }

    [Fact]
    public async Task Health_is_degraded_for_a_while_after_a_forced_message()
    {
        var guard = new RedeliveryLoopGuard(3, _clock);
        var check = new FailurePathHealthCheck(guard, _clock);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);

        guard.Forced("m1", "m1", "error handling failed 3 times");
        var degraded = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("m1", degraded.Description);
        Assert.Equal(1L, guard.ForcedCount);

        _clock.Advance(RedeliveryLoopGuard.DegradedFor);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken)).Status);
    }
}
