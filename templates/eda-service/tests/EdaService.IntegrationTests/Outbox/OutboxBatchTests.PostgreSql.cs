using System.Collections.Concurrent;
using System.Data.Common;
using EdaService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace EdaService.IntegrationTests.Outbox;

/// <summary>
/// The unit of work writes the outbox rows in the same save as the business rows, so EF Core sends them to the database
/// in one command (one round trip); Rebus's own outbox inserted them after the business save, in a command of its own.
/// </summary>
public sealed class OutboxBatchTests(TestDatabase database)
{
    [Fact]
    public async Task An_order_and_its_outbox_row_are_written_in_one_command()
    {
        var commands = new CommandRecorder();
        await using var service = await ServiceUnderTest.StartAsync(
            database.ConnectionString, services => services.AddSingleton<IInterceptor>(commands), settings: OutboxTable.Settings(database.ConnectionString));

        var placed = await service.PlaceOrderAsync();

        await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
        var save = Assert.Single(commands.Texts, text => text.Contains("""INSERT INTO "Orders" """.Trim(), StringComparison.Ordinal));
        Assert.Contains("INSERT INTO public.outbox ", save, StringComparison.Ordinal);
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public IEnumerable<string> Texts => _texts;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
