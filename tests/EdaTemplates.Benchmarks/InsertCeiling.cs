using System.Diagnostics;
using EdaTemplates.Tests.Infrastructure;
using Npgsql;

namespace EdaTemplates.Benchmarks;

/// <summary>
/// What the server allows for the service's unit of work without any messaging: one insert of an order-shaped row per
/// transaction, from .NET (open, begin, insert, commit with Npgsql, as a handler does) and from pgbench (the server's limit).
/// </summary>
public static class InsertCeiling
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS ceiling_orders (
            id uuid PRIMARY KEY, customer_id text NOT NULL, total numeric(18,2) NOT NULL, placed_at timestamptz NOT NULL)
        """;

    private const string Insert = "INSERT INTO ceiling_orders (id, customer_id, total, placed_at) VALUES (@id, @customer, @total, @placedAt)";

    /// <summary>Transactions per second with <paramref name="concurrency"/> tasks, each opening a pooled connection per transaction.</summary>
    public static async Task<double> DotnetAsync(string connectionString, int concurrency, TimeSpan duration)
    {
        await PostgresServer.ExecuteAsync(connectionString, CreateTable);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await RunAsync(dataSource, concurrency, TimeSpan.FromSeconds(1)); // warm-up: pool and JIT
        return await RunAsync(dataSource, concurrency, duration);
    }

    private static async Task<double> RunAsync(NpgsqlDataSource dataSource, int concurrency, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var committed = 0;
            while (stopwatch.Elapsed < duration)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var command = new NpgsqlCommand(Insert, connection, transaction);
                command.Parameters.AddWithValue("id", Guid.NewGuid());
                command.Parameters.AddWithValue("customer", $"customer-{worker}");
                command.Parameters.AddWithValue("total", 42.50m);
                command.Parameters.AddWithValue("placedAt", DateTimeOffset.UtcNow);
                await command.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
                committed++;
            }

            return committed;
        }));
        return counts.Sum() / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>pgbench with the same insert as a custom script; its "tps" without connection time.</summary>
    public static async Task<double> PgBenchAsync(string connectionString, int concurrency, TimeSpan duration, string workDirectory)
    {
        await PostgresServer.ExecuteAsync(connectionString, CreateTable);
        var pgbench = FindPgBench() ?? throw new InvalidOperationException("pgbench was not found on PATH or in /usr/lib/postgresql/*/bin.");
        var script = Path.Combine(workDirectory, "pgbench-insert.sql");
        await File.WriteAllTextAsync(script, "INSERT INTO ceiling_orders (id, customer_id, total, placed_at) VALUES (gen_random_uuid(), 'customer', 42.50, now());\n");
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var request = new ProcessRequest(
            pgbench,
            ["-n", "-M", "prepared", "-c", $"{concurrency}", "-j", $"{Math.Min(concurrency, Environment.ProcessorCount)}",
             "-T", $"{(int)duration.TotalSeconds}", "-f", script,
             "-h", builder.Host ?? "127.0.0.1", "-p", $"{builder.Port}", "-U", builder.Username ?? "postgres", builder.Database ?? "postgres"],
            workDirectory,
            duration + TimeSpan.FromMinutes(2))
        {
            Environment = new Dictionary<string, string?> { ["PGPASSWORD"] = builder.Password },
        };
        var result = await ProcessRunner.RunAsync(request, CancellationToken.None);
        var tps = result.StandardOutput.Split('\n').FirstOrDefault(line => line.StartsWith("tps = ", StringComparison.Ordinal));
        if (!result.Succeeded || tps is null)
        {
            throw new InvalidOperationException($"pgbench failed:{Environment.NewLine}{result.Describe()}");
        }

        return double.Parse(tps["tps = ".Length..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? FindPgBench()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "pgbench"))
            .FirstOrDefault(File.Exists);
        return onPath ?? (Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin", "pgbench")).FirstOrDefault(File.Exists)
            : null);
    }
}
