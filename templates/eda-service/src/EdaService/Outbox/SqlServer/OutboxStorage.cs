using System.Text.Json;
using EdaService.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
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

    /// <summary>
    /// Locks the unsent rows of <paramref name="ids"/> in the context's transaction and returns them, as Rebus.SqlServer's
    /// forwarder reads its batch; rows the forwarder has locked are skipped (it sends those).
    /// </summary>
    public static async Task<HashSet<long>> TakeAsync(EdaServiceDbContext db, long[] ids, CancellationToken cancellationToken)
    {
        await using var command = Command(db, $"""
            SELECT [Id] FROM [{Schema}].[{TableName}] WITH (UPDLOCK, ROWLOCK, READPAST)
            WHERE [Sent] = 0 AND [Id] IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@ids))
            """, ids);
        var taken = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(reader.GetInt64(0));
        }

        return taken;
    }

    /// <summary>Marks the taken rows sent, after they were sent, as Rebus.SqlServer's forwarder does.</summary>
    public static async Task MarkSentAsync(EdaServiceDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var command = Command(db, $"""
            UPDATE [{Schema}].[{TableName}] SET [Sent] = 1 WHERE [Id] IN (SELECT CAST([value] AS bigint) FROM OPENJSON(@ids))
            """, ids);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static System.Data.Common.DbCommand Command(EdaServiceDbContext db, string sql, IReadOnlyCollection<long> ids)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        command.Parameters.Add(new SqlParameter("@ids", JsonSerializer.Serialize(ids)));
        return command;
    }

    /// <summary>Rebus.SqlServer marks sent rows and never deletes them: without cleanup the table grows forever.</summary>
    public static void AddMaintenance(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxCleanupOptions>().BindConfiguration(OutboxCleanupOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<OutboxCleanupOptions>, OutboxCleanupOptionsValidator>();
        builder.Services.AddHostedService<OutboxCleanupService>();
    }
}
