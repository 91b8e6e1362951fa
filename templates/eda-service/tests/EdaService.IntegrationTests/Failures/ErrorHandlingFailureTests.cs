using System.Diagnostics.Metrics;
using EdaService.Health;
using EdaService.IntegrationTests.Infrastructure;
using EdaService.Messaging.Failures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Failures;

/// <summary>
/// Whatever goes wrong while a failed message is being handled, it ends in the error queue once with a reason: an error
/// handler that throws before the move is backed by Rebus's own move, one that throws after it does not move the message
/// twice, and a delivery that keeps failing outside the retry step is forced out by the redelivery loop guard, which
/// shows in health and metrics.
/// </summary>
public sealed class ErrorHandlingFailureTests(TestDatabase database)
{
    /// <summary>Refused at once, so the error handler runs on its first delivery.</summary>
    private static readonly EnvelopeCase Poison = EnvelopeCase.ByName["body-json-null"];

    [Fact]
    public async Task An_error_handler_that_throws_before_the_move_still_ends_in_the_error_queue_once_with_both_reasons()
    {
        var deliveries = new DeliveryCounter();
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, services =>
        {
            FailureInjection.ErrorHandlerThrows(services, afterTheMove: false);
            deliveries.AddTo(services);
        });
        using var counters = new CounterReader(service.Services.GetRequiredService<IMeterFactory>());

        var caseId = await SendPoisonAsync(service);

        var copy = await SingleErrorQueueCopyAsync(service, caseId);
        Assert.Contains("body: ", copy.Headers[Headers.ErrorDetails]);
        Assert.Contains("injected fault: the error handler throws", copy.Headers[DeadLetterFallbackErrorHandler.FailureHeader]);
        Assert.Equal(1, deliveries.DeliveriesOf(caseId));
        Assert.Equal(1, counters.Total(FailurePathMetrics.ErrorHandlingFailedInstrument));
        await AssertGoodOrderStoredAsync(service);
    }

    [Fact]
    public async Task An_error_handler_that_throws_after_the_move_does_not_move_the_message_twice()
    {
        var deliveries = new DeliveryCounter();
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, services =>
        {
            FailureInjection.ErrorHandlerThrows(services, afterTheMove: true);
            deliveries.AddTo(services);
        });

        var caseId = await SendPoisonAsync(service);

        var copy = await SingleErrorQueueCopyAsync(service, caseId);
        Assert.False(copy.Headers.ContainsKey(DeadLetterFallbackErrorHandler.FailureHeader));
        Assert.Equal(1, deliveries.DeliveriesOf(caseId));
        await AssertGoodOrderStoredAsync(service);
    }

    [Fact]
    public async Task A_delivery_failing_outside_the_retry_step_is_forced_to_the_error_queue_and_health_is_degraded()
    {
        const int limit = 3;
        var deliveries = new DeliveryCounter();
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, services =>
        {
            // Registered first, so the counter, registered next, stands in front of it and sees every delivery.
            FailureInjection.StepOutsideTheRetryStepThrows(services);
            deliveries.AddTo(services);
        }, settings: new Dictionary<string, string?> { ["Messaging:RedeliveryLoopLimit"] = $"{limit}" });
        using var counters = new CounterReader(service.Services.GetRequiredService<IMeterFactory>());
        var health = service.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await FailurePathHealthAsync(health)).Status);

        var caseId = await SendPoisonAsync(service);

        var copy = await SingleErrorQueueCopyAsync(service, caseId);
        Assert.StartsWith("Forced to the error queue by the redelivery loop guard", copy.Headers[Headers.ErrorDetails], StringComparison.Ordinal);
        Assert.Equal(service.InputQueue, copy.Headers[Headers.SourceQueue]);
        Assert.Equal(limit, deliveries.DeliveriesOf(caseId));
        Assert.Equal(1, counters.Total(FailurePathMetrics.ForcedInstrument));
        var report = await FailurePathHealthAsync(health);
        Assert.Equal(HealthStatus.Degraded, report.Status);
        await AssertGoodOrderStoredAsync(service);
    }

    private static async Task<string> SendPoisonAsync(ServiceUnderTest service)
    {
        var caseId = Guid.NewGuid().ToString();
        await service.Observer.SendRawAsync(service.InputQueue, DeliveryCounter.Tag(Poison.Build(Guid.NewGuid()), caseId));
        return caseId;
    }

    /// <summary>Waits for the copy, then long enough for a second move or a looping redelivery to show.</summary>
    private static async Task<TransportMessage> SingleErrorQueueCopyAsync(ServiceUnderTest service, string caseId)
    {
        await Eventually.Until(() => DeliveryCounter.CopiesInAsync(service, service.ErrorQueue, caseId), copies => copies.Count > 0, "the error queue");
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Empty(await DeliveryCounter.CopiesInAsync(service, service.InputQueue, caseId));
        return Assert.Single(await DeliveryCounter.CopiesInAsync(service, service.ErrorQueue, caseId));
    }

    private static async Task AssertGoodOrderStoredAsync(ServiceUnderTest service)
    {
        var placed = await service.PlaceOrderAsync();
        await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), order => order is not null, $"good order {placed.OrderId}");
    }

    private static async Task<HealthReportEntry> FailurePathHealthAsync(HealthCheckService health) =>
        (await health.CheckHealthAsync(check => check.Name == HealthCheckExtensions.FailurePathCheck, TestContext.Current.CancellationToken))
        .Entries[HealthCheckExtensions.FailurePathCheck];
}
