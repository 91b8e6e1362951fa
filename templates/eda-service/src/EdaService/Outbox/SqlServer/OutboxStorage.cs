using Rebus.Config;
using Rebus.Config.Outbox;

namespace EdaService.Outbox;

/// <summary>Rebus.SqlServer's outbox table (created by the AddOutbox migration, with a CreatedAt column for cleanup).</summary>
internal static class OutboxStorage
{
    public const string Schema = "dbo";

    public const string TableName = "Outbox";

    public static void Configure(RebusConfigurer rebus, string connectionString) =>
        rebus.Outbox(o => o.StoreInSqlServer(connectionString, TableName));

    /// <summary>Rebus.SqlServer marks sent rows and never deletes them: without cleanup the table grows forever.</summary>
    public static void AddMaintenance(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxCleanupOptions>().BindConfiguration(OutboxCleanupOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<OutboxCleanupOptions>, OutboxCleanupOptionsValidator>();
        builder.Services.AddHostedService<OutboxCleanupService>();
    }
}
