using EdaTemplates.Soak.Downstream;
using Npgsql;

namespace EdaTemplates.Soak.Ledger;

/// <summary>Reads the end state from both databases into a <see cref="SoakLedger"/>.</summary>
internal sealed class LedgerReader(NpgsqlDataSource business, NpgsqlDataSource queues, QueueProbe probe, string inputQueue, string errorQueue)
{
    public async Task<SoakLedger> ReadAsync(IReadOnlyList<ExpectedOrder> expected) => new(
        expected,
        await QueryAsync(business, """SELECT "Id", "Version", "Total" FROM "Orders" """,
            r => new StoredOrder(r.GetGuid(0), r.GetInt32(1), r.GetDecimal(2))),
        await QueryAsync(business, "SELECT sequence, order_id, from_version, to_version, total FROM soak_effects ORDER BY sequence",
            r => new AppliedEffect(r.GetInt64(0), r.GetGuid(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetInt32(3), r.GetDecimal(4))),
        await QueryAsync(queues, "SELECT message_id, order_id FROM soak_downstream_deliveries ORDER BY id",
            r => new DownstreamDelivery(r.GetString(0), r.GetGuid(1))),
        await QueryAsync(queues, "SELECT order_id, message_id FROM soak_downstream_effects ORDER BY id",
            r => new DownstreamEffect(r.GetGuid(0), r.GetString(1))),
        await probe.DescribeAsync(errorQueue),
        await probe.CountAsync(inputQueue),
        await OutboxCountAsync());

    public Task<int> OutboxCountAsync() => DbRetry.RunAsync(async () =>
    {
        await using var command = business.CreateCommand("SELECT count(*) FROM outbox");
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    });

    private static Task<IReadOnlyList<T>> QueryAsync<T>(NpgsqlDataSource source, string sql, Func<NpgsqlDataReader, T> map) =>
        DbRetry.RunAsync(() => ReadAllAsync(source, sql, map));

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(NpgsqlDataSource source, string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var command = source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
