using System.Data.Common;
using EdaService.Outbox;

namespace EdaService.Observability;

/// <summary>Unsent rows of Rebus.SqlServer's outbox and the oldest one's CreatedAt (UTC; indexed with Sent).</summary>
internal static class OutboxBacklogQuery
{
    private const string Sql = $"SELECT COUNT_BIG(*), MIN([CreatedAt]) FROM [dbo].[{OutboxStorage.TableName}] WHERE [Sent] = 0";

    public static async Task<(long Pending, DateTimeOffset? OldestCreatedAt)> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var pending = reader.GetInt64(0);
        return reader.IsDBNull(1)
            ? (pending, null)
            : (pending, new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc)));
    }
}
