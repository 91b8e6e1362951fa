using EdaService.Messaging.DatabaseTransport;

namespace EdaService.UnitTests.Messaging.DatabaseTransport;

public sealed class DatabaseTransportOptionsTests
{
    private const string Database = "Host=db;Database=service";

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_a_connection_string_the_queues_live_in_the_service_database(string configured)
    {
        Assert.Equal(Database, new DatabaseTransportOptions { ConnectionString = configured }.EffectiveConnectionString(Database));
    }

    [Fact]
    public void A_connection_string_moves_the_queues_to_that_database()
    {
        const string queues = "Host=queues;Database=broker";
        Assert.Equal(queues, new DatabaseTransportOptions { ConnectionString = queues }.EffectiveConnectionString(Database));
    }
}
