using EdaService.IntegrationTests.Infrastructure;
using EdaService.Operations;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdaService.IntegrationTests.Operations;

/// <summary>`replay-errors` against the real database transport, while the service runs.</summary>
public sealed class ErrorQueueReplayTests(TestDatabase database)
{
    [Fact]
    public async Task A_message_that_failed_into_the_error_queue_is_handled_after_replay()
    {
        var fault = new SwitchableFault { On = true };
        await using var service = await ServiceUnderTest.StartAsync(
            database.ConnectionString, services => services.AddSingleton<IInterceptor>(fault));

        var placed = await service.PlaceOrderAsync();
        await Eventually.Until(() => service.ErrorQueueMessagesFor(placed.OrderId), m => m.Count == 1, "the failed message in the error queue");
        fault.On = false;
#if (UsePostgreSql)
        Assert.Contains("injected fault: dependency down", await ErrorDetailsAsync(service));
#endif

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "IntegrationTest" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Messaging:InputQueue"] = service.InputQueue,
            ["Messaging:ErrorQueue"] = service.ErrorQueue,
        });
        var exitCode = await ErrorQueueReplay.RunAsync(builder, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var order = await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), o => o is not null, "the replayed order stored");
        Assert.Equal(placed.Total, order!.Total);
        Assert.Empty(await service.ErrorQueueMessagesFor(placed.OrderId));
    }

#if (UsePostgreSql)
    /// <summary>The README's "look before replaying" query, with the test's queue names.</summary>
    private async Task<string> ErrorDetailsAsync(ServiceUnderTest service)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new Npgsql.NpgsqlCommand(
            """
            SELECT id, convert_from(headers, 'UTF8')::jsonb ->> 'rbs2-error-details' AS error
            FROM messages
            WHERE recipient = @error AND convert_from(headers, 'UTF8')::jsonb ->> 'rbs2-source-queue' = @input;
            """,
            connection);
        command.Parameters.AddWithValue("error", service.ErrorQueue);
        command.Parameters.AddWithValue("input", service.InputQueue);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        return await reader.ReadAsync(TestContext.Current.CancellationToken) ? reader.GetString(1) : "";
    }

#endif
    private sealed class SwitchableFault : SaveChangesInterceptor
    {
        public volatile bool On;

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
            On ? throw new InvalidOperationException("injected fault: dependency down") : ValueTask.FromResult(result);
    }
}
