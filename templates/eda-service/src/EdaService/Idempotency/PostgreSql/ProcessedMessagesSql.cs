using System.Data.Common;
using Npgsql;

namespace EdaService.Idempotency;

/// <summary>PostgreSQL statements for the processed_messages table (created by the AddProcessedMessages migration).</summary>
internal static class ProcessedMessagesSql
{
    // ON CONFLICT DO NOTHING waits for a concurrent insert of the same key, then reports 0 rows if it committed.
    public const string Claim = """
        INSERT INTO processed_messages (message_id, operation, message_type, payload, headers, received_at, processed_at, outcome)
        VALUES (@messageId, @operation, @messageType, @payload, CAST(@headers AS jsonb), @receivedAt, @processedAt, @outcome)
        ON CONFLICT (message_id, operation) DO NOTHING
        """;

    public const string DeleteExpired = """
        DELETE FROM processed_messages WHERE ctid IN
            (SELECT ctid FROM processed_messages WHERE received_at < {0} LIMIT {1})
        """;

    public static bool IsDuplicateKey(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
