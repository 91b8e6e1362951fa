using EdaService.Contracts;
using EdaService.IntegrationTests.Infrastructure;
using EdaService.Messaging.DatabaseTransport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rebus.Bus;

namespace EdaService.IntegrationTests.Messaging;

/// <summary>A deferred message waits at least as long as asked, though the queue table counts whole seconds.</summary>
public sealed class DeferralTests(TestDatabase database)
{
    [Theory]
    [InlineData(200)]
    [InlineData(1000)]
    public async Task A_deferred_message_stays_invisible_for_at_least_its_delay(int milliseconds)
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        // Nobody reads this queue; until it is due, the deferred message waits in the service's own input queue.
        var queue = $"eda-test-deferred-{Guid.NewGuid():N}";
        var bus = service.Services.GetRequiredService<IBus>();

        // Rebus.PostgreSql's transport cut the rest of a second off: both delays came straight back (visible at once).
        await bus.Advanced.Routing.Defer(queue, TimeSpan.FromMilliseconds(milliseconds), new OrderPlaced(Guid.NewGuid(), "customer-1", 42.50m, DateTimeOffset.UtcNow));

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            $"""SELECT EXTRACT(EPOCH FROM visible - now())::float8 FROM "{DatabaseQueues.MessagesTable}" WHERE recipient = @queue""", connection);
        command.Parameters.AddWithValue("queue", service.InputQueue);
        var waitsSeconds = (double)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)
                                    ?? throw new InvalidOperationException($"No deferred message in {service.InputQueue}."));
        // Read after the send, so a little less than the delay is left, but never the better part of a second less.
        Assert.True(waitsSeconds > milliseconds / 1000.0 - 0.1, $"deferred by {milliseconds} ms, visible in {waitsSeconds:0.000} s");
    }
}
