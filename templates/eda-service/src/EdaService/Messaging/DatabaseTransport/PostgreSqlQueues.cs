using EdaService.Data;
using Rebus.Config;
using Rebus.PostgreSql;

namespace EdaService.Messaging.DatabaseTransport;

/// <summary>Rebus.PostgreSql's transport: a message is deleted only when the handler's transaction completes.</summary>
internal static class DatabaseQueues
{
    public const string MessagesTable = "messages";
    public const string SubscriptionsTable = "subscriptions";

    public static void Configure(RebusConfigurer rebus, string configuredConnectionString, string inputQueue)
    {
        // Every receive, send and subscriber lookup is one of a few statements: prepared once per connection, and the
        // connection goes back to the pool without Npgsql's reset (see DatabaseProvider.Pooled).
        var connectionString = DatabaseProvider.Pooled(configuredConnectionString);
        rebus
            .Transport(t => t.UsePostgreSql(
                new PostgreSqlBusinessTransaction(new PostgresConnectionHelper(connectionString)), MessagesTable, inputQueue))
            // Centralized: every service reading this database sees the same subscribers, so publishing needs no routing.
            .Subscriptions(s =>
            {
                s.StoreInPostgres(connectionString, SubscriptionsTable, isCentralized: true);
                PostgreSqlSubscriberLookup.Configure(s, connectionString);
            });
        PostgreSqlReceiveIndexes.Configure(rebus, connectionString);
        PostgreSqlDeferrals.Configure(rebus);
    }
}
