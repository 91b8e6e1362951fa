using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace EdaService.IntegrationTests.Infrastructure;

internal static class DatabaseServer
{
    public const string Name = "SQL Server";

    public static async Task<(string ConnectionString, IAsyncDisposable Container)> StartContainerAsync()
    {
        var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync();
        return (container.GetConnectionString(), container);
    }

    public static async Task<string> CreateDatabaseAsync(string serverConnectionString, string databaseName)
    {
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE [{databaseName}]");
        return new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = databaseName }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string serverConnectionString, string databaseName)
    {
        SqlConnection.ClearAllPools();
        await ExecuteAsync(serverConnectionString,
            $"ALTER DATABASE [{databaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{databaseName}]");
    }

    /// <summary>The server's address in <paramref name="connectionString"/> (<c>host,port</c>; 1433 when none is given).</summary>
    public static (string Host, int Port) Endpoint(string connectionString)
    {
        var dataSource = new SqlConnectionStringBuilder(connectionString).DataSource.Replace("tcp:", "", StringComparison.OrdinalIgnoreCase);
        var parts = dataSource.Split(',', 2);
        return (parts[0], parts.Length == 2 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1433);
    }

    /// <summary><paramref name="connectionString"/> with another server address, e.g. a test's proxy.</summary>
    public static string WithEndpoint(string connectionString, string host, int port) =>
        new SqlConnectionStringBuilder(connectionString) { DataSource = $"tcp:{host},{port}" }.ConnectionString;

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
