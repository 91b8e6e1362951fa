using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace EdaService.Idempotency;

/// <summary>SQL Server statements for the ProcessedMessages table (created by the AddProcessedMessages migration).</summary>
internal static class ProcessedMessagesSql
{
    // UPDLOCK + HOLDLOCK make a concurrent claim of the same key wait for the first transaction to finish.
    public const string Claim = """
        INSERT INTO [dbo].[ProcessedMessages] ([MessageId], [Operation], [MessageType], [Payload], [Headers], [ReceivedAt], [ProcessedAt], [Outcome])
        SELECT @messageId, @operation, @messageType, @payload, @headers, @receivedAt, @processedAt, @outcome
        WHERE NOT EXISTS (SELECT 1 FROM [dbo].[ProcessedMessages] WITH (UPDLOCK, HOLDLOCK)
                          WHERE [MessageId] = @messageId AND [Operation] = @operation)
        """;

    public const string DeleteExpired = "DELETE TOP ({1}) FROM [dbo].[ProcessedMessages] WHERE [ReceivedAt] < {0}";

    /// <summary>2627/2601: a concurrent claim won the race between NOT EXISTS and INSERT.</summary>
    public static bool IsDuplicateKey(DbException exception) => exception is SqlException { Number: 2627 or 2601 };
}
