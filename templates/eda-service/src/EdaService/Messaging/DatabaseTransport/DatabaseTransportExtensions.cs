using EdaService.Data;
using Microsoft.Extensions.Options;

namespace EdaService.Messaging.DatabaseTransport;

public static class DatabaseTransportExtensions
{
    /// <summary>The service's database is also its queue: no broker to run, and queues are backed up with the data.</summary>
    public static ConfigureRebus AddDatabaseTransport(this IHostApplicationBuilder builder) =>
        (rebus, services) =>
        {
            var connectionString = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
            var inputQueue = services.GetRequiredService<IOptions<MessagingOptions>>().Value.InputQueue;
            DatabaseQueues.Configure(rebus, connectionString, inputQueue);
        };
}
