using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace EdaService.Data;

/// <summary>
/// Applies pending EF Core migrations before Rebus starts (it is registered first), so no message is handled
/// against an old schema. EF Core takes a migration lock, so several instances may start at once.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>();

        // EF Core reads its history table without asking whether it exists, and logs the failed read on an empty
        // database as an error before it creates the table: create it first, so the log shows no failure that is none.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Count == 0)
        {
            LogUpToDate(logger);
        }
        else
        {
            LogApplied(logger, pending.Count, string.Join(", ", pending));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date: no migration to apply")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migrations: {Migrations}")]
    private static partial void LogApplied(ILogger logger, int count, string migrations);
}
