using EdaService.IntegrationTests.Infrastructure;
using EdaService.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Operations;

/// <summary>The README's "try it" path: `send-sample` against the running service, then the rows, the events and the refusal.</summary>
public sealed class SampleOrdersTests(TestDatabase database)
{
    [Fact]
    public async Task Sample_orders_are_stored_and_announced_and_the_broken_one_is_refused_with_its_reason()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        var (host, transport) = OperationsHost.Build(CommandBuilder(service));
        using var _ = host;

        var sent = await SampleOrders.SendAsync(transport, host.Services, 2, TestContext.Current.CancellationToken);

        Assert.Equal(2, sent.OrderIds.Count);
        foreach (var orderId in sent.OrderIds)
        {
            await Eventually.Until(() => service.FindOrderAsync(orderId), order => order is not null, $"sample order {orderId} stored");
            await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(orderId)), events => events.Count == 1, $"OrderAccepted for {orderId}");
        }

        var refused = await Eventually.Until(
            async () => (await service.MessagesInAsync(service.ErrorQueue)).Where(m => m.Headers[Headers.MessageId] == sent.BrokenMessageId).ToList(),
            copies => copies.Count > 0,
            "the broken sample in the error queue");
        Assert.Contains("Total", Assert.Single(refused).Headers[Headers.ErrorDetails]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("three")]
    public async Task A_count_that_is_not_1_to_1000_is_a_usage_error_and_sends_nothing(string count)
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);

        var exitCode = await SampleOrders.RunAsync(CommandBuilder(service), [SampleOrders.Command, count], TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Empty(await service.MessagesInAsync(service.InputQueue));
    }

    /// <summary>The command's host, configured as the service under test is.</summary>
    private HostApplicationBuilder CommandBuilder(ServiceUnderTest service)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "IntegrationTest" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Messaging:InputQueue"] = service.InputQueue,
            ["Messaging:ErrorQueue"] = service.ErrorQueue,
        });
        return builder;
    }
}
