using EdaTemplates.Soak.Ledger;
using Npgsql;
using Rebus.Serialization;

namespace EdaTemplates.Soak.Downstream;

/// <summary>Reads the queue database: how many messages wait in a queue, and what the error queue holds.</summary>
internal sealed class QueueProbe(NpgsqlDataSource queues, string messagesTable)
{
    public Task<int> CountAsync(string queue) => CountAsync(queue, "");

    /// <summary>Messages a worker could take now: deferred ones (visible later) do not count.</summary>
    public Task<int> CountReceivableAsync(string queue) => CountAsync(queue, " AND visible <= clock_timestamp()");

    private Task<int> CountAsync(string queue, string condition) => DbRetry.RunAsync(async () =>
    {
        await using var command = queues.CreateCommand($"SELECT count(*) FROM \"{messagesTable}\" WHERE recipient = @queue{condition}");
        command.Parameters.AddWithValue("queue", queue);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    });

    /// <summary>Each message's id, type and error details (the first line), for the report.</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync(string queue)
    {
        await using var command = queues.CreateCommand($"SELECT headers FROM \"{messagesTable}\" WHERE recipient = @queue ORDER BY id");
        command.Parameters.AddWithValue("queue", queue);
        var serializer = new HeaderSerializer();
        var described = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var headers = serializer.Deserialize((byte[])reader[0]);
            var details = headers.GetValueOrDefault("rbs2-error-details", "(no error details)").Split('\n')[0];
            described.Add($"{headers.GetValueOrDefault("rbs2-msg-id")} {headers.GetValueOrDefault("rbs2-msg-type")}: {details}");
        }

        return described;
    }
}
