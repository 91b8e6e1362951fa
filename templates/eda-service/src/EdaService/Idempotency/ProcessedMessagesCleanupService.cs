using EdaService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EdaService.Idempotency;

/// <summary>Deletes processed-message records older than <see cref="IdempotencyOptions.Retention"/>.</summary>
internal sealed class ProcessedMessagesCleanupService(
    IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<ProcessedMessagesCleanupService> logger)
    : PeriodicCleanupService(scopes, options.Value.CleanupInterval, options.Value.CleanupBatchSize, clock, logger)
{
    protected override Task<int> DeleteBatchAsync(EdaServiceDbContext db, DateTimeOffset now, int batchSize, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(ProcessedMessagesSql.DeleteExpired, [now - options.Value.Retention, batchSize], cancellationToken);
}
