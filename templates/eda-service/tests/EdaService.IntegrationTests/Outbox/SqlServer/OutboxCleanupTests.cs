using EdaService.IntegrationTests.Infrastructure;
using EdaService.Outbox;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdaService.IntegrationTests.Outbox.SqlServer;

/// <summary>Rebus.SqlServer never deletes sent outbox rows; the cleanup service does, after the retention.</summary>
public sealed class OutboxCleanupTests(TestDatabase database)
{
    [Fact]
    public async Task Sent_rows_older_than_the_retention_are_deleted_in_batches_and_everything_else_is_kept()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        var marker = Guid.NewGuid().ToString("N");
        await InsertAsync(marker, sent: true, ageDays: 30, count: 5);
        await InsertAsync(marker, sent: true, ageDays: 1, count: 2);
        await InsertAsync(marker, sent: false, ageDays: 30, count: 3);
        var cleanup = service.Services.GetServices<IHostedService>().OfType<OutboxCleanupService>().Single();

        await cleanup.DeleteExpiredAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await CountAsync(marker, sent: true, olderThanDays: 7));
        Assert.Equal(2, await CountAsync(marker, sent: true, olderThanDays: 0));
        Assert.Equal(3, await CountAsync(marker, sent: false, olderThanDays: 0));
    }

    private async Task InsertAsync(string marker, bool sent, int ageDays, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await DatabaseServer.ExecuteAsync(database.ConnectionString,
                $"INSERT INTO [dbo].[Outbox] ([MessageId], [DestinationAddress], [Sent], [CreatedAt]) " +
                $"VALUES ('{marker}', 'nowhere', {(sent ? 1 : 0)}, DATEADD(day, -{ageDays}, SYSUTCDATETIME()))");
        }
    }

    private async Task<int> CountAsync(string marker, bool sent, int olderThanDays)
    {
        await using var connection = new SqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(
            "SELECT COUNT(*) FROM [dbo].[Outbox] WHERE [MessageId] = @marker AND [Sent] = @sent " +
            "AND [CreatedAt] < DATEADD(day, -@days, SYSUTCDATETIME())", connection);
        command.Parameters.AddWithValue("marker", marker);
        command.Parameters.AddWithValue("sent", sent);
        command.Parameters.AddWithValue("days", olderThanDays);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
