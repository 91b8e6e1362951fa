using EdaService.Data;
using EdaService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdaService.IntegrationTests.Data;

/// <summary>The order's concurrency token turns a lost update into a conflict the writer must resolve.</summary>
public sealed class ConcurrencyTokenTests(TestDatabase database)
{
    [Fact]
    public async Task The_second_of_two_writers_that_read_the_same_order_gets_a_conflict_instead_of_overwriting()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        var placed = await service.PlaceOrderAsync();
        await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), o => o is not null, "the order");
        await using var first = service.Services.CreateAsyncScope();
        await using var second = service.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<EdaServiceDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<EdaServiceDbContext>();
        var token = TestContext.Current.CancellationToken;
        var firstCopy = await firstDb.Orders.SingleAsync(o => o.Id == placed.OrderId, token);
        var secondCopy = await secondDb.Orders.SingleAsync(o => o.Id == placed.OrderId, token);

        firstCopy.Amend(2, 20m);
        await firstDb.SaveChangesAsync(token);
        secondCopy.Amend(2, 30m);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync(token));
        Assert.Equal(20m, (await service.FindOrderAsync(placed.OrderId))!.Total);
    }
}
