using Npgsql;
using Testcontainers.PostgreSql;

namespace EdaService.IntegrationTests.Infrastructure;

internal static class DatabaseServer
{
    public const string Name = "PostgreSQL";

    public static async Task<(string ConnectionString, IAsyncDisposable Container)> StartContainerAsync()
    {
        var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        await container.StartAsync();
        return (container.GetConnectionString(), container);
    }

    public static async Task<string> CreateDatabaseAsync(string serverConnectionString, string databaseName)
    {
        await ExecuteAsync(serverConnectionString, $"""CREATE DATABASE "{databaseName}" """);
        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = databaseName }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string serverConnectionString, string databaseName)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(serverConnectionString, $"""DROP DATABASE IF EXISTS "{databaseName}" WITH (FORCE)""");
    }

    /// <summary>The server's address in <paramref name="connectionString"/>.</summary>
    public static (string Host, int Port) Endpoint(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return (builder.Host!, builder.Port);
    }

    /// <summary><paramref name="connectionString"/> with another server address, e.g. a test's proxy.</summary>
    public static string WithEndpoint(string connectionString, string host, int port) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = host, Port = port }.ConnectionString;

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
