namespace EdaService.IntegrationTests.Outbox;

/// <summary>
/// Keeps a test on the outbox table. On the Database transport with its queues in the business database, outgoing
/// messages skip the outbox and go straight into the queue table; the same database under another connection string
/// counts as another database, so the outbox is used again.
/// </summary>
internal static class OutboxTable
{
    public static IReadOnlyDictionary<string, string?> Settings(string connectionString) => new Dictionary<string, string?>
    {
        ["DatabaseTransport:ConnectionString"] = connectionString + ";Application Name=eda-queues",
    };
}
