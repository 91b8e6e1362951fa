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

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
