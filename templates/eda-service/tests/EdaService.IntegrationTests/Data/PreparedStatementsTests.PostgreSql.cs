using System.Collections.Concurrent;
using System.Data.Common;
using EdaService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EdaService.IntegrationTests.Data;

/// <summary>The unit of work's statements run prepared: PostgreSQL does not parse and plan them for every message.</summary>
public sealed class PreparedStatementsTests(TestDatabase database)
{
    [Fact]
    public async Task Once_a_connection_has_run_the_order_insert_a_few_times_it_runs_prepared()
    {
        var inserts = new OrderInserts();
        // One message at a time, so the orders share a pooled connection: Npgsql prepares a statement per connection,
        // after it has run it five times.
        var settings = new Dictionary<string, string?> { ["Messaging:Workers"] = "1", ["Messaging:MaxParallelism"] = "1" };
        await using var service = await ServiceUnderTest.StartAsync(
            database.ConnectionString, services => services.AddSingleton<IInterceptor>(inserts), settings: settings);

        for (var i = 0; i < 12; i++)
        {
            var placed = await service.PlaceOrderAsync();
            await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), order => order is not null, $"order {i + 1}");
        }

        Assert.Contains(true, inserts.Prepared);
    }

    /// <summary>Records, for each order insert, whether Npgsql ran it as a prepared statement.</summary>
    private sealed class OrderInserts : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<bool> _prepared = new();

        public IReadOnlyList<bool> Prepared => [.. _prepared];

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"Orders\"", StringComparison.Ordinal))
            {
                _prepared.Enqueue(((NpgsqlCommand)command).IsPrepared);
            }

            return ValueTask.FromResult(result);
        }
    }
}
