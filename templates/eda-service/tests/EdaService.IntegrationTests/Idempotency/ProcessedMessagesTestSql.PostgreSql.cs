namespace EdaService.IntegrationTests.Idempotency;

internal static class ProcessedMessagesTestSql
{
    public const string SelectByMessageId = """
        SELECT message_id AS "MessageId", operation AS "Operation", message_type AS "MessageType", payload AS "Payload",
               headers::text AS "Headers", processed_at AS "ProcessedAt", outcome AS "Outcome"
        FROM processed_messages WHERE message_id = {0}
        """;

    public const string InsertAged = """
        INSERT INTO processed_messages (message_id, operation, payload, headers, received_at, processed_at, outcome)
        VALUES ({0}, 'test', '{{}}', '{{}}', now() - make_interval(days => {1}), now() - make_interval(days => {1}), 'Processed')
        """;
}
