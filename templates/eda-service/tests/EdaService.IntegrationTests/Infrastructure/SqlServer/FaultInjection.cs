namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>Faults injected by the database itself, at the exact statement a real failure would hit.</summary>
internal static class FaultInjection
{
    /// <summary>Every insert into the outbox fails, as a lost connection or full disk would at that statement.</summary>
    public static Task<IAsyncDisposable> FailOutboxInsertsAsync(string connectionString) => InstallAsync(
        connectionString,
        ["CREATE TRIGGER eda_fault_outbox_insert ON [dbo].[Outbox] AFTER INSERT AS THROW 50000, 'injected fault: outbox insert', 1;"],
        ["DROP TRIGGER IF EXISTS eda_fault_outbox_insert;"]);

    /// <summary>
    /// The forwarder's first mark-as-sent fails after its messages were sent: the window where a crash leaves sent
    /// messages unmarked. The sequence is not rolled back with the transaction, so it fails only once.
    /// </summary>
    public static Task<IAsyncDisposable> FailFirstForwarderCommitAsync(string connectionString) => InstallAsync(
        connectionString,
        [
            "CREATE SEQUENCE eda_fault_forwarder_commit START WITH 1;",
            """
            CREATE TRIGGER eda_fault_forwarder_commit ON [dbo].[Outbox] AFTER UPDATE AS
            BEGIN
                DECLARE @attempt BIGINT = NEXT VALUE FOR eda_fault_forwarder_commit;
                IF @attempt = 1 THROW 50000, 'injected fault: forwarder mark after send', 1;
            END
            """,
        ],
        ["DROP TRIGGER IF EXISTS eda_fault_forwarder_commit;", "DROP SEQUENCE IF EXISTS eda_fault_forwarder_commit;"]);

    private static async Task<IAsyncDisposable> InstallAsync(string connectionString, string[] install, string[] remove)
    {
        foreach (var batch in install)
        {
            await DatabaseServer.ExecuteAsync(connectionString, batch);
        }

        return new Removal(async () =>
        {
            foreach (var batch in remove)
            {
                await DatabaseServer.ExecuteAsync(connectionString, batch);
            }
        });
    }

    private sealed class Removal(Func<Task> remove) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await remove();
    }
}
