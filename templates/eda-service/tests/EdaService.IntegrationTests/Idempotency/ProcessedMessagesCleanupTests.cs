using EdaService.Data;
using EdaService.Idempotency;
using EdaService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdaService.IntegrationTests.Idempotency;

public sealed class ProcessedMessagesCleanupTests(TestDatabase database)
{
    [Fact]
    public async Task Records_older_than_the_retention_are_deleted_and_recent_ones_kept()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        var old = $"old-{Guid.NewGuid():N}";
        var recent = $"recent-{Guid.NewGuid():N}";
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>();
            await db.Database.ExecuteSqlRawAsync(ProcessedMessagesTestSql.InsertAged, [old, 30], TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlRawAsync(ProcessedMessagesTestSql.InsertAged, [recent, 1], TestContext.Current.CancellationToken);
        }

        var cleanup = service.Services.GetServices<IHostedService>().OfType<ProcessedMessagesCleanupService>().Single();
        await cleanup.DeleteExpiredAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await ProcessedMessagesQuery.ForMessageAsync(service.Services, old));
        Assert.Single(await ProcessedMessagesQuery.ForMessageAsync(service.Services, recent));
    }
}
