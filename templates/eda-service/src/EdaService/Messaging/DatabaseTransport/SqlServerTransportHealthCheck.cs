using EdaService.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EdaService.Messaging.DatabaseTransport;

/// <summary>
/// The queue tables answer, with how many messages wait in the input and the error queue: a growing error queue is
/// the first sign of a poison message or a broken dependency. Rebus.SqlServer keeps one table per queue.
/// </summary>
internal sealed class TransportHealthCheck(
    IOptions<DatabaseOptions> database, IOptions<DatabaseTransportOptions> transport, IOptions<MessagingOptions> messaging) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var queues = messaging.Value;
        try
        {
            await using var connection = new SqlConnection(transport.Value.EffectiveConnectionString(database.Value.ConnectionString));
            await connection.OpenAsync(cancellationToken);
            await using var command = new SqlCommand(
                $"SELECT (SELECT COUNT_BIG(*) FROM [dbo].{Quote(queues.InputQueue)}), (SELECT COUNT_BIG(*) FROM [dbo].{Quote(queues.ErrorQueue)})",
                connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var waiting = reader.GetInt64(0);
            var failed = reader.GetInt64(1);
            return HealthCheckResult.Healthy(
                $"Queue tables answer: {waiting} waiting in {queues.InputQueue}, {failed} in {queues.ErrorQueue}",
                new Dictionary<string, object> { [queues.InputQueue] = waiting, [queues.ErrorQueue] = failed });
        }
        catch (Exception exception) when (exception is SqlException or InvalidOperationException or ArgumentException)
        {
            return HealthCheckResult.Unhealthy($"Queue table for {queues.InputQueue} cannot be read: {exception.Message}", exception);
        }
    }

    private static string Quote(string name) => $"[{name.Replace("]", "]]", StringComparison.Ordinal)}]";
}
