using EdaService.IntegrationTests.Infrastructure;

namespace EdaService.IntegrationTests.Validation;

/// <summary>
/// One service for all bad-input cases: each case then also proves the service kept consuming after the previous
/// ones. Started by the first test that asks, so a missing database skips tests instead of failing the fixture.
/// </summary>
public sealed class ValidationServiceFixture(TestDatabase database) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ValidationHarness? _harness;

    internal async Task<ValidationHarness> GetAsync()
    {
        var connectionString = database.ConnectionString;
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _harness ??= await ValidationHarness.StartAsync(connectionString);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        _gate.Dispose();
    }
}
