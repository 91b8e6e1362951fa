namespace EdaService.IntegrationTests.Idempotency;

internal static class ProcessedMessagesTestSql
{
    public const string SelectByMessageId = """
        SELECT [MessageId], [Operation], [MessageType], [Payload], [Headers], [ProcessedAt], [Outcome]
        FROM [dbo].[ProcessedMessages] WHERE [MessageId] = {0}
        """;

    public const string InsertAged = """
        INSERT INTO [dbo].[ProcessedMessages] ([MessageId], [Operation], [Payload], [Headers], [ReceivedAt], [ProcessedAt], [Outcome])
        VALUES ({0}, 'test', '{{}}', '{{}}', DATEADD(day, -{1}, SYSDATETIMEOFFSET()), DATEADD(day, -{1}, SYSDATETIMEOFFSET()), 'Processed')
        """;
}
