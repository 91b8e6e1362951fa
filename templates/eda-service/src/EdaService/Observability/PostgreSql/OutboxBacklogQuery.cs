using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using EdaService.Outbox;

namespace EdaService.Observability;

/// <summary>
/// Rebus.PostgreSql's outbox table has no creation time: the oldest unsent row is the lowest id, and its age comes
/// from the rbs2-senttime header Rebus stamped when the message was published.
/// </summary>
internal static class OutboxBacklogQuery
{
    private const string Sql = $"""
        SELECT (SELECT count(*) FROM "public"."{OutboxStorage.TableName}" WHERE NOT "Sent"),
               (SELECT "Headers" FROM "public"."{OutboxStorage.TableName}" WHERE NOT "Sent" ORDER BY "Id" LIMIT 1)
        """;

    public static async Task<(long Pending, DateTimeOffset? OldestCreatedAt)> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var pending = reader.GetInt64(0);
        if (reader.IsDBNull(1))
        {
            return (pending, null);
        }

        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(1));
        return headers is not null && headers.TryGetValue(Rebus.Messages.Headers.SentTime, out var sent)
               && DateTimeOffset.TryParse(sent, CultureInfo.InvariantCulture, DateTimeStyles.None, out var sentAt)
            ? (pending, sentAt)
            : (pending, null);
    }
}
