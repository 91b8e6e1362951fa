using EdaService.Messaging;
using EdaService.Messaging.DatabaseTransport;
using Microsoft.Data.SqlClient;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Serialization;

namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>The service's own Database transport, end to end.</summary>
internal sealed class DatabaseTestTransport(string connectionString) : ITestTransport
{
    public ConfigureRebus? ServiceTransport => null;

    public void ConfigureObserver(RebusConfigurer rebus, string queue) => DatabaseQueues.Configure(rebus, connectionString, queue);

    public async Task<IReadOnlyList<TransportMessage>> GetMessagesAsync(string queue)
    {
        // Rebus.SqlServer keeps one table per queue.
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand($"IF OBJECT_ID(@table) IS NOT NULL EXEC('SELECT [headers], [body] FROM ' + @quoted)", connection);
        command.Parameters.AddWithValue("table", $"[dbo].[{queue}]");
        command.Parameters.AddWithValue("quoted", $"[dbo].[{queue.Replace("]", "]]", StringComparison.Ordinal)}]");
        var headers = new HeaderSerializer();
        var messages = new List<TransportMessage>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            messages.Add(new TransportMessage(headers.Deserialize((byte[])reader["headers"]), (byte[])reader["body"]));
        }

        return messages;
    }
}
