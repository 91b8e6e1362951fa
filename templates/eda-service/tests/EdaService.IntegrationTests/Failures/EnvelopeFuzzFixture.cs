using EdaService.IntegrationTests.Infrastructure;

namespace EdaService.IntegrationTests.Failures;

/// <summary>
/// One service for every envelope case, so each case also proves the service kept consuming after the ones before it.
/// Started by the first test that asks, so a missing database skips the tests instead of failing the fixture.
/// </summary>
public sealed class EnvelopeFuzzFixture(TestDatabase database) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ServiceUnderTest? _service;

    internal DeliveryCounter Deliveries { get; } = new();

    internal async Task<ServiceUnderTest> GetAsync()
    {
        var connectionString = database.ConnectionString;
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _service ??= await ServiceUnderTest.StartAsync(connectionString, Deliveries.AddTo);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        _gate.Dispose();
    }
}
