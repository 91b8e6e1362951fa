using EdaService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdaService.IntegrationTests.Idempotency;

/// <summary>Reads the processed-messages log the way an operator would: plain SQL.</summary>
internal static class ProcessedMessagesQuery
{
    public sealed record Row(string MessageId, string Operation, string? MessageType, string Payload, string Headers, DateTimeOffset? ProcessedAt, string Outcome);

    public static async Task<IReadOnlyList<Row>> ForMessageAsync(IServiceProvider services, string messageId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>();
        return await db.Database.SqlQueryRaw<Row>(ProcessedMessagesTestSql.SelectByMessageId, messageId).ToListAsync(TestContext.Current.CancellationToken);
    }
}
