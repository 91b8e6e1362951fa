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
    private const int MaxOrders = 150;

    [Fact]
    public async Task Once_a_connection_has_run_the_order_insert_a_few_times_it_runs_prepared()
    {
        var inserts = new OrderInserts();
        // One message at a time. Npgsql prepares a statement once a connection has run it five times, and its pool hands
        // out idle connections in turn (the transport's and the outbox's too), so which connection an order gets, and how
        // many orders it takes, varies: orders are placed until one insert runs prepared, up to far more than needed.
        var settings = new Dictionary<string, string?> { ["Messaging:Workers"] = "1", ["Messaging:MaxParallelism"] = "1" };
        await using var service = await ServiceUnderTest.StartAsync(
            database.ConnectionString, services => services.AddSingleton<IInterceptor>(inserts), settings: settings);

        for (var i = 0; i < MaxOrders && !inserts.Prepared.Contains(true); i++)
        {
            var placed = await service.PlaceOrderAsync();
            await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), order => order is not null, $"order {i + 1}");
        }

        Assert.True(inserts.Prepared.Contains(true), $"None of {inserts.Prepared.Count} order inserts ran prepared.");
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
