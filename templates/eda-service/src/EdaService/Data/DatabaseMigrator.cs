using Microsoft.EntityFrameworkCore;
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
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date")]
    private static partial void LogMigrated(ILogger logger);
}
