namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>Polls until a condition holds, for outcomes that arrive asynchronously (forwarder, retries).</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string waitingFor, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout ?? DefaultTimeout} waiting for {waitingFor}; last value: {value}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
