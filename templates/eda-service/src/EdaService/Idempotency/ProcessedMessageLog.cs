using System.Data.Common;

namespace EdaService.Idempotency;

/// <summary>
/// Writes the processed-messages log on the handler's own connection and transaction, so the record commits or rolls
/// back together with the business write and the outbox rows.
/// </summary>
internal sealed class ProcessedMessageLog
{
    public const string Processed = "Processed";

    /// <summary>
    /// Records the message as processed by the operation, in one statement before the work: the row only becomes visible
    /// if the transaction commits, so it never needs a second "done" update (one round trip less per message). False when
    /// it was already processed; a concurrent delivery of the same message blocks on the key until the first one commits
    /// (then false) or rolls back (then true).
    /// </summary>
    public async Task<bool> TryClaimAsync(
        DbConnection connection, DbTransaction transaction, ProcessedMessage message, DateTimeOffset processedAt, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, ProcessedMessagesSql.Claim);
        Add(command, "messageId", message.MessageId);
        Add(command, "operation", message.Operation);
        Add(command, "messageType", (object?)message.MessageType ?? DBNull.Value);
        Add(command, "payload", message.Payload);
        Add(command, "headers", message.Headers);
        Add(command, "receivedAt", message.ReceivedAt);
        Add(command, "processedAt", processedAt.ToUniversalTime());
        Add(command, "outcome", Processed);
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (DbException exception) when (ProcessedMessagesSql.IsDuplicateKey(exception))
        {
            return false;
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
