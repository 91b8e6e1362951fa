using System.Text;
using EdaService.Messaging;
using EdaService.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Transport.InMem;

namespace EdaService.UnitTests.Operations;

/// <summary>The replay command's loop on Rebus's in-memory transport: only this service's messages go back, once.</summary>
public sealed class ErrorQueueReplayTests
{
    private readonly InMemNetwork _network = new();

    [Fact]
    public async Task Moves_this_services_messages_back_to_its_queue_and_leaves_other_queues_messages_in_the_error_queue()
    {
        _network.CreateQueue("service");
        Fail("m1", sourceQueue: "service");
        Fail("m2", sourceQueue: "other-service");
        Fail("m3", sourceQueue: "service");

        var result = await ErrorQueueReplay.ReplayAsync(Transport, Services(), TestContext.Current.CancellationToken);

        Assert.Equal(new ReplayResult(2, 1, "error", "service"), result);
        Assert.Equal(["m1", "m3"], _network.GetMessages("service").Select(m => m.Headers[Headers.MessageId]));
        Assert.Equal("body of m1", Encoding.UTF8.GetString(_network.GetMessages("service").First().Body));
        var left = Assert.Single(_network.GetMessages("error"));
        Assert.Equal("m2", left.Headers[Headers.MessageId]);
    }

    [Fact]
    public async Task An_empty_error_queue_replays_nothing()
    {
        _network.CreateQueue("error");

        var result = await ErrorQueueReplay.ReplayAsync(Transport, Services(), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Replayed);
        Assert.Equal(0, _network.GetCount("service"));
    }

    private void Transport(RebusConfigurer rebus, IServiceProvider services) =>
        rebus.Transport(t => t.UseInMemoryTransport(_network, services.GetRequiredService<IOptions<MessagingOptions>>().Value.InputQueue));

    private static ServiceProvider Services() =>
        new ServiceCollection()
            .AddSingleton(Microsoft.Extensions.Options.Options.Create(new MessagingOptions { InputQueue = "service", ErrorQueue = "error" }))
            .BuildServiceProvider();

    private void Fail(string id, string sourceQueue)
    {
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = id,
            [Headers.SourceQueue] = sourceQueue,
            [Headers.ErrorDetails] = "handler failed",
        };
        _network.Deliver("error", new InMemTransportMessage(new TransportMessage(headers, Encoding.UTF8.GetBytes($"body of {id}"))));
    }
}
