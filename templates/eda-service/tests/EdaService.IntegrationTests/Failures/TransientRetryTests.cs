using EdaService.IntegrationTests.Infrastructure;
using EdaService.Messaging.Failures;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Failures;

/// <summary>
/// A message that used up its immediate attempts on a transient cause is tried again after a delay instead of being
/// dead-lettered, and the retry commits its work once (none of the failed attempts' rows or events survive:
/// rebus-org/Rebus#1162). Permanent failures are not delayed; when the delays are used up the message goes to the
/// error queue saying so.
/// </summary>
public sealed class TransientRetryTests(TestDatabase database)
{
    private const int MaxDeliveryAttempts = 2;

    /// <summary>Three delayed retries of a second each (the shipped delays are 10 s, 1 min and 5 min).</summary>
    private static readonly Dictionary<string, string?> ShortDelays = new()
    {
        ["Messaging:MaxDeliveryAttempts"] = $"{MaxDeliveryAttempts}",
        ["Messaging:TransientRetryDelays:0"] = "00:00:01",
        ["Messaging:TransientRetryDelays:1"] = "00:00:01",
        ["Messaging:TransientRetryDelays:2"] = "00:00:01",
    };

    [Fact]
    public async Task A_transient_failure_after_the_business_write_is_retried_later_and_commits_once()
    {
        // Every immediate attempt fails after its rows were written: only a delayed retry can succeed.
        var fault = new FailingSavesInterceptor(MaxDeliveryAttempts, () => new TimeoutException("injected transient fault"));
        var (service, deliveries) = await StartAsync(services => services.AddSingleton<IInterceptor>(fault));
        await using var _ = service;
        var orderId = Guid.NewGuid();

        var caseId = await SendAsync(service, orderId);

        await Eventually.Until(() => service.FindOrderAsync(orderId), order => order is not null, $"order {orderId} after a delayed retry");
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Single(service.Observer.AcceptedFor(orderId));
        Assert.Equal(MaxDeliveryAttempts + 1, deliveries.DeliveriesOf(caseId));
        Assert.Empty(await DeliveryCounter.CopiesInAsync(service, service.ErrorQueue, caseId));
        Assert.Empty(await DeliveryCounter.CopiesInAsync(service, service.InputQueue, caseId));
    }

    [Fact]
    public async Task A_permanent_failure_is_not_delayed()
    {
        var fault = new FailingSavesInterceptor(int.MaxValue, () => new InvalidOperationException("injected permanent fault"));
        var (service, deliveries) = await StartAsync(services => services.AddSingleton<IInterceptor>(fault));
        await using var _ = service;
        var orderId = Guid.NewGuid();

        var caseId = await SendAsync(service, orderId);

        var failed = await Eventually.Until(() => DeliveryCounter.CopiesInAsync(service, service.ErrorQueue, caseId), copies => copies.Count > 0, "the error queue");
        Assert.Contains("injected permanent fault", failed[0].Headers[Headers.ErrorDetails]);
        Assert.False(failed[0].Headers.ContainsKey(TransientRetryErrorHandler.RetriesHeader));
        Assert.Equal(MaxDeliveryAttempts, deliveries.DeliveriesOf(caseId));
        Assert.Null(await service.FindOrderAsync(orderId));
    }

    [Fact]
    public async Task When_the_delays_are_used_up_the_message_goes_to_the_error_queue_once_saying_so()
    {
        var fault = new FailingSavesInterceptor(int.MaxValue, () => new TimeoutException("injected transient fault"));
        var (service, deliveries) = await StartAsync(services => services.AddSingleton<IInterceptor>(fault));
        await using var _ = service;
        var orderId = Guid.NewGuid();

        var caseId = await SendAsync(service, orderId);

        var failed = await Eventually.Until(() => DeliveryCounter.CopiesInAsync(service, service.ErrorQueue, caseId), copies => copies.Count > 0, "the error queue", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        var copy = Assert.Single(await DeliveryCounter.CopiesInAsync(service, service.ErrorQueue, caseId));
        Assert.Equal("3", copy.Headers[TransientRetryErrorHandler.RetriesHeader]);
        Assert.Contains("injected transient fault", copy.Headers[TransientRetryErrorHandler.ReasonHeader]);
        Assert.Contains("injected transient fault", failed[0].Headers[Headers.ErrorDetails]);
        Assert.Equal(MaxDeliveryAttempts * 4, deliveries.DeliveriesOf(caseId));
        Assert.Empty(await DeliveryCounter.CopiesInAsync(service, service.InputQueue, caseId));
        Assert.Null(await service.FindOrderAsync(orderId));
        Assert.Empty(service.Observer.AcceptedFor(orderId));
    }

    private async Task<(ServiceUnderTest Service, DeliveryCounter Deliveries)> StartAsync(Action<IServiceCollection> configure)
    {
        var deliveries = new DeliveryCounter();
        var service = await ServiceUnderTest.StartAsync(database.ConnectionString, services =>
        {
            configure(services);
            deliveries.AddTo(services);
        }, settings: ShortDelays);
        return (service, deliveries);
    }

    private static async Task<string> SendAsync(ServiceUnderTest service, Guid orderId)
    {
        var caseId = Guid.NewGuid().ToString();
        await service.Observer.SendRawAsync(service.InputQueue, DeliveryCounter.Tag(EnvelopeCase.Valid(orderId), caseId));
        return caseId;
    }
}
