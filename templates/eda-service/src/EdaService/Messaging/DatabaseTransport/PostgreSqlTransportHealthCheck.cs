using EdaService.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EdaService.Messaging.DatabaseTransport;

/// <summary>
/// The queue table answers, with how many messages wait in the input and the error queue: a growing error queue is
/// the first sign of a poison message or a broken dependency.
/// </summary>
internal sealed class TransportHealthCheck(
    IOptions<DatabaseOptions> database, IOptions<DatabaseTransportOptions> transport, IOptions<MessagingOptions> messaging) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var queues = messaging.Value;
        try
        {
            await using var connection = new NpgsqlConnection(transport.Value.EffectiveConnectionString(database.Value.ConnectionString));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                $"""SELECT count(*) FILTER (WHERE recipient = @input), count(*) FILTER (WHERE recipient = @error) FROM "{DatabaseQueues.MessagesTable}" """,
                connection);
            command.Parameters.AddWithValue("input", queues.InputQueue);
            command.Parameters.AddWithValue("error", queues.ErrorQueue);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var waiting = reader.GetInt64(0);
            var failed = reader.GetInt64(1);
            return HealthCheckResult.Healthy(
                $"Queue table \"{DatabaseQueues.MessagesTable}\" answers: {waiting} waiting in {queues.InputQueue}, {failed} in {queues.ErrorQueue}",
                new Dictionary<string, object> { [queues.InputQueue] = waiting, [queues.ErrorQueue] = failed });
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            return HealthCheckResult.Unhealthy(
                $"Queue table \"{DatabaseQueues.MessagesTable}\" for {queues.InputQueue} cannot be read: {exception.Message}", exception);
        }
    }
}
