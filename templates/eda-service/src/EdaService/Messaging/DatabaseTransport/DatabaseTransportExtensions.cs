using EdaService.Data;
using Microsoft.Extensions.Options;

namespace EdaService.Messaging.DatabaseTransport;

public static class DatabaseTransportExtensions
{
    /// <summary>
    /// The service's database is also its queue: no broker to run, and queues are backed up with the data.
    /// <c>DatabaseTransport:ConnectionString</c> moves the queues to another database. The outbox stays with the
    /// business data either way: only there can it commit in the same transaction.
    /// </summary>
    public static ConfigureRebus AddDatabaseTransport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseTransportOptions>().BindConfiguration(DatabaseTransportOptions.SectionName);
        return (rebus, services) =>
        {
            var inputQueue = services.GetRequiredService<IOptions<MessagingOptions>>().Value.InputQueue;
            DatabaseQueues.Configure(rebus, QueuesConnectionString(services), inputQueue);
        };
    }

    /// <summary>The queues' connection string: <c>DatabaseTransport:ConnectionString</c>, else the service's database.</summary>
    internal static string QueuesConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseTransportOptions>>().Value
            .EffectiveConnectionString(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
}
