using Rebus.Config;

namespace EdaService.Messaging.DatabaseTransport;

/// <summary>Rebus.SqlServer's transport: a message is deleted only when the handler's transaction completes.</summary>
internal static class DatabaseQueues
{
    public const string SubscriptionsTable = "Subscriptions";

    public static void Configure(RebusConfigurer rebus, string connectionString, string inputQueue) =>
        rebus
            .Transport(t => t.UseSqlServer(new SqlServerTransportOptions(connectionString), inputQueue))
            // Centralized: every service reading this database sees the same subscribers, so publishing needs no routing.
            .Subscriptions(s => s.StoreInSqlServer(connectionString, SubscriptionsTable, isCentralized: true));
}
