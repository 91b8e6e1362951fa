using Npgsql;

namespace EdaService.BenchDriver;

/// <summary>
/// Statements the server ran for this database during the measured window, per message, from pg_stat_statements
/// (when the server preloads it): a count of round trips that does not depend on how busy the machine is.
/// </summary>
internal sealed class StatementProfile
{
    private readonly string _connectionString;
    private readonly bool _available;

    private StatementProfile(string connectionString, bool available)
    {
        _connectionString = connectionString;
        _available = available;
    }

    public static async Task<StatementProfile> StartAsync(string connectionString)
    {
        try
        {
            await ExecuteAsync(connectionString, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await ExecuteAsync(connectionString, "SELECT pg_stat_statements_reset()");
            return new StatementProfile(connectionString, available: true);
        }
        catch (PostgresException)
        {
            return new StatementProfile(connectionString, available: false);
        }
    }

    /// <summary>Calls per message by statement (the benchmark's own counting queries left out); empty when unavailable.</summary>
    public async Task<IReadOnlyList<(string Statement, double PerMessage)>> PerMessageAsync(int messages)
    {
        if (!_available)
        {
            return [];
        }

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT regexp_replace(left(query, 90), '\s+', ' ', 'g'), sum(calls)
            FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT ILIKE '%count(*)%' AND query NOT ILIKE '%pg_stat_statements%'
            GROUP BY 1 ORDER BY 2 DESC
            """, connection);
        var rows = new List<(string, double)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0).Trim(), Convert.ToDouble(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) / messages));
        }

        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
