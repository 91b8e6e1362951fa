using EdaService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Rebus.Config;
using Rebus.Config.Outbox;

namespace EdaService.Outbox;

/// <summary>Rebus.PostgreSql's outbox table (created by the AddOutbox migration).</summary>
internal static class OutboxStorage
{
    public const string Schema = "public";

    public const string TableName = "outbox";

    public static void Configure(RebusConfigurer rebus, string connectionString) =>
        rebus.Outbox(o => o.StoreInPostgreSql(DatabaseProvider.Pooled(connectionString), TableName));

    /// <summary>
    /// Deletes the rows of <paramref name="ids"/> in the context's transaction, as Rebus.PostgreSql's forwarder deletes its
    /// batch before sending it, and returns those it deleted, skipping rows the forwarder has taken. Nothing is final
    /// until the commit that follows the send.
    /// </summary>
    public static async Task<HashSet<long>> TakeAsync(EdaServiceDbContext db, long[] ids, CancellationToken cancellationToken)
    {
        await using var batch = ((NpgsqlConnection)db.Database.GetDbConnection()).CreateBatch();
        batch.Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        // By primary key, whatever the statistics say: between vacuums the table is full of deleted rows the planner
        // does not know about, and a plan made for an empty table scanned all of them on every pass (5-9 ms with a few
        // thousand, where the key lookups take a fraction of a millisecond). SET LOCAL ends with the transaction.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL enable_seqscan = off"));
        // SKIP LOCKED: a row the forwarder is sending is its to send (or, if that fails, to send again), and waiting
        // for it held up every event committed since, up to a quarter of a second.
        var delete = new NpgsqlBatchCommand($"""
            WITH taken AS (SELECT "Id" FROM {Schema}."{TableName}" WHERE "Id" = ANY($1) FOR UPDATE SKIP LOCKED)
            DELETE FROM {Schema}."{TableName}" AS row USING taken WHERE row."Id" = taken."Id" RETURNING row."Id"
            """);
        delete.Parameters.Add(new NpgsqlParameter { Value = ids });
        batch.BatchCommands.Add(delete);
        var taken = new HashSet<long>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(reader.GetInt64(0));
        }

        return taken;
    }

    /// <summary>Nothing to mark: <see cref="TakeAsync"/> deleted the rows, and the commit after the send makes it final.</summary>
    public static Task MarkSentAsync(EdaServiceDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Nothing to clean up: the PostgreSQL forwarder deletes each row in the transaction that sends it.</summary>
    public static void AddMaintenance(IHostApplicationBuilder builder)
    {
    }
}
