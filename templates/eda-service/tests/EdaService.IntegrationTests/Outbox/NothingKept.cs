using EdaService.IntegrationTests.Infrastructure;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Outbox;

/// <summary>What every atomicity test checks after its fault: the message failed, and neither its order nor its event was kept.</summary>
internal static class NothingKept
{
    /// <summary>Longer than the outbox forwarder's 1 s polling interval, so anything that would be sent has been.</summary>
    public static readonly TimeSpan SendGrace = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Waits for <paramref name="orderId"/>'s message in the error queue with <paramref name="fault"/> in its details;
    /// then, after <see cref="SendGrace"/> when <paramref name="waitForSends"/>, asserts no order and no event.
    /// </summary>
    public static async Task AssertAsync(ServiceUnderTest service, Guid orderId, string fault, bool waitForSends = false)
    {
        var failed = await Eventually.Until(() => service.ErrorQueueMessagesFor(orderId), m => m.Count > 0, "the error queue");
        if (waitForSends)
        {
            await Task.Delay(SendGrace, TestContext.Current.CancellationToken);
        }

        Assert.Null(await service.FindOrderAsync(orderId));
        Assert.Empty(service.Observer.AcceptedFor(orderId));
        Assert.Contains(fault, failed[0].Headers[Headers.ErrorDetails]);
    }
}
