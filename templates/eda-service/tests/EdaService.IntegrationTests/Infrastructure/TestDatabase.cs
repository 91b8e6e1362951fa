namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database for this test run, so runs never see each other's rows. The server comes from the environment
/// variable EDA_TEST_CONNECTION_STRING when set, otherwise from a Testcontainers container; with neither, every
/// integration test reports itself skipped with the reason.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public const string ConnectionStringVariable = "EDA_TEST_CONNECTION_STRING";

    private readonly string _databaseName = $"eda_test_{Guid.NewGuid():N}"[..24];
    private readonly System.Collections.Concurrent.ConcurrentBag<string> _isolated = [];
    private string? _serverConnectionString;
    private IAsyncDisposable? _container;
    private string? _connectionString;
    private string? _skipReason;

    /// <summary>The test run's database; skips the calling test when no server is available.</summary>
    public string ConnectionString
    {
        get
        {
            if (_connectionString is null)
            {
                Assert.Skip(_skipReason ?? "The test database was not created.");
            }

            return _connectionString;
        }
    }

    public async ValueTask InitializeAsync()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(_serverConnectionString))
        {
            try
            {
                (_serverConnectionString, _container) = await DatabaseServer.StartContainerAsync();
            }
            catch (Exception exception)
            {
                _skipReason = $"No {DatabaseServer.Name} to test against: {ConnectionStringVariable} is not set and " +
                              $"Testcontainers could not start one ({exception.GetType().Name}: {exception.Message})";
                return;
            }
        }

        _connectionString = await DatabaseServer.CreateDatabaseAsync(_serverConnectionString, _databaseName);
    }

    /// <summary>
    /// A database of its own on the same server, for a test that runs beside the others (see
    /// <see cref="IsolatedCollection"/>): the fault injection of the shared database's tests never reaches it.
    /// </summary>
    public async Task<string> CreateIsolatedDatabaseAsync()
    {
        _ = ConnectionString;
        var name = $"eda_iso_{Guid.NewGuid():N}"[..24];
        _isolated.Add(name);
        return await DatabaseServer.CreateDatabaseAsync(_serverConnectionString!, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connectionString is not null && _serverConnectionString is not null)
        {
            await DatabaseServer.DropDatabaseAsync(_serverConnectionString, _databaseName);
            foreach (var name in _isolated)
            {
                await DatabaseServer.DropDatabaseAsync(_serverConnectionString, name);
            }
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
