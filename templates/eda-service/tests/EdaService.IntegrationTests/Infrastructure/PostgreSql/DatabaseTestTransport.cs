using EdaService.Messaging;
using EdaService.Messaging.DatabaseTransport;
using Npgsql;
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
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""SELECT headers, body FROM "{DatabaseQueues.MessagesTable}" WHERE recipient = @queue""", connection);
        command.Parameters.AddWithValue("queue", queue);
        return await ReadAsync(command);
    }

    private static async Task<IReadOnlyList<TransportMessage>> ReadAsync(NpgsqlCommand command)
    {
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
