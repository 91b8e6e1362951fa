using Npgsql;

namespace EdaTemplates.Benchmarks;

/// <summary>The PostgreSQL server the benchmarks run on: a fresh database per measurement, and its settings for the header.</summary>
public sealed class PostgresServer(string serverConnectionString)
{
    public string ServerConnectionString { get; } = serverConnectionString;

    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"eda_bench_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await ExecuteAsync(ServerConnectionString, $"""CREATE DATABASE "{name}" """);
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync(ServerConnectionString, $"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    /// <summary>The version and the settings that decide what a commit costs.</summary>
    public async Task<(string Version, string Settings)> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        var version = (string)(await new NpgsqlCommand("SHOW server_version", connection).ExecuteScalarAsync())!;
        var settings = new List<string>();
        foreach (var name in new[] { "fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_connections", "shared_preload_libraries" })
        {
            settings.Add($"{name}={await new NpgsqlCommand($"SHOW {name}", connection).ExecuteScalarAsync()}");
        }

        return ($"PostgreSQL {version.Split(' ')[0]}", string.Join(", ", settings));
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
