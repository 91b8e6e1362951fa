using EdaService.Data;
using Rebus.Config;
using Rebus.Config.Outbox;

namespace EdaService.Outbox;

/// <summary>Rebus.PostgreSql's outbox table (created by the AddOutbox migration).</summary>
internal static class OutboxStorage
{
    public const string Schema = "public";

    public const string TableName = "outbox";

    public static void Configure(RebusConfigurer rebus, string connectionString) =>
        rebus.Outbox(o => o.StoreInPostgreSql(DatabaseProvider.PreparingStatements(connectionString), TableName));

    /// <summary>Nothing to clean up: the PostgreSQL forwarder deletes each row in the transaction that sends it.</summary>
    public static void AddMaintenance(IHostApplicationBuilder builder)
    {
    }
}
