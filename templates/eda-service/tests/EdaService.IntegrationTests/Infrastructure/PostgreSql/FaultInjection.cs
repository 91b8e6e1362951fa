namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>Faults injected by the database itself, at the exact statement a real failure would hit.</summary>
internal static class FaultInjection
{
    /// <summary>Every insert into the outbox fails, as a lost connection or full disk would at that statement.</summary>
    public static Task<IAsyncDisposable> FailOutboxInsertsAsync(string connectionString) => InstallAsync(
        connectionString,
        """
        CREATE FUNCTION eda_fault_outbox_insert() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'injected fault: outbox insert'; END $$;
        CREATE TRIGGER eda_fault_outbox_insert BEFORE INSERT ON "outbox" FOR EACH ROW EXECUTE FUNCTION eda_fault_outbox_insert();
        """,
        """
        DROP TRIGGER IF EXISTS eda_fault_outbox_insert ON "outbox";
        DROP FUNCTION IF EXISTS eda_fault_outbox_insert();
        """);

    /// <summary>
    /// The forwarder's first commit fails after its messages were sent: the window where a crash leaves sent
    /// messages unmarked. A deferred trigger fires at COMMIT; the sequence is not rolled back, so it fails only once.
    /// </summary>
    public static Task<IAsyncDisposable> FailFirstForwarderCommitAsync(string connectionString) => InstallAsync(
        connectionString,
        """
        CREATE SEQUENCE eda_fault_forwarder_commit;
        CREATE FUNCTION eda_fault_forwarder_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF nextval('eda_fault_forwarder_commit') = 1 THEN
                RAISE EXCEPTION 'injected fault: forwarder commit after send';
            END IF;
            RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER eda_fault_forwarder_commit AFTER DELETE ON "outbox"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION eda_fault_forwarder_commit();
        """,
        """
        DROP TRIGGER IF EXISTS eda_fault_forwarder_commit ON "outbox";
        DROP FUNCTION IF EXISTS eda_fault_forwarder_commit();
        DROP SEQUENCE IF EXISTS eda_fault_forwarder_commit;
        """);

    /// <summary>Runs <paramref name="install"/>; disposing the result runs <paramref name="remove"/>.</summary>
    public static async Task<IAsyncDisposable> InstallAsync(string connectionString, string install, string remove)
    {
        await DatabaseServer.ExecuteAsync(connectionString, install);
        return new Removal(() => DatabaseServer.ExecuteAsync(connectionString, remove));
    }

    private sealed class Removal(Func<Task> remove) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await remove();
    }
}
