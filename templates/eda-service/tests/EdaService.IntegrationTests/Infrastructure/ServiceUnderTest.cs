using EdaService.Contracts;
using EdaService.Data;
using EdaService.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rebus.Bus;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>The real service host (same composition root as Program.cs) on the test run's database.</summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ITestTransport _transport;

    private ServiceUnderTest(IHost host, ITestTransport transport, Observer observer, string inputQueue, string errorQueue)
    {
        _host = host;
        _transport = transport;
        Observer = observer;
        InputQueue = inputQueue;
        ErrorQueue = errorQueue;
    }

    public Observer Observer { get; }

    public IServiceProvider Services => _host.Services;

    public string InputQueue { get; }

    public string ErrorQueue { get; }

    /// <param name="settings">Configuration overrides, e.g. short windows and cool-downs that keep a test fast.</param>
    public static async Task<ServiceUnderTest> StartAsync(
        string connectionString,
        Action<IServiceCollection>? configureServices = null,
        ITestTransport? transport = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        transport ??= TestTransport.Create(connectionString);
        var id = Guid.NewGuid().ToString("N")[..8];
        var inputQueue = $"edaservice-{id}";
        var errorQueue = $"error-{id}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "IntegrationTest",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = connectionString,
            ["Messaging:InputQueue"] = inputQueue,
            ["Messaging:ErrorQueue"] = errorQueue,
            ["Messaging:MaxDeliveryAttempts"] = "2",
            ["AzureServiceBus:ConnectionString"] = Environment.GetEnvironmentVariable("EDA_TEST_SERVICEBUS_CONNECTION_STRING")
                                                   ?? "Endpoint=sb://in-memory.invalid/;SharedAccessKeyName=test;SharedAccessKey=test",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        configureServices?.Invoke(builder.Services);
        builder.AddApplicationServices(transport.ServiceTransport);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var observer = await Observer.StartAsync(transport, $"observer-{id}");
        return new ServiceUnderTest(host, transport, observer, inputQueue, errorQueue);
    }

    public async Task<OrderPlaced> PlaceOrderAsync()
    {
        var placed = new OrderPlaced(Guid.NewGuid(), $"customer-{Random.Shared.Next(1000)}", 42.50m, DateTimeOffset.UtcNow);
        await Observer.Bus.Publish(placed);
        return placed;
    }

    public async Task<Order?> FindOrderAsync(Guid orderId)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>();
        return await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, TestContext.Current.CancellationToken);
    }

    /// <summary>What is waiting in <paramref name="queue"/>, e.g. <see cref="InputQueue"/> or <see cref="ErrorQueue"/>.</summary>
    public Task<IReadOnlyList<TransportMessage>> MessagesInAsync(string queue) => _transport.GetMessagesAsync(queue);

    /// <summary>Messages in the error queue whose body mentions <paramref name="orderId"/>.</summary>
    public async Task<IReadOnlyList<TransportMessage>> ErrorQueueMessagesFor(Guid orderId) =>
        (await _transport.GetMessagesAsync(ErrorQueue))
        .Where(m => System.Text.Encoding.UTF8.GetString(m.Body).Contains(orderId.ToString(), StringComparison.OrdinalIgnoreCase))
        .ToList();

    public async ValueTask DisposeAsync()
    {
        var bus = _host.Services.GetRequiredService<IBus>();
        foreach (var subscription in _host.Services.GetServices<Subscription>())
        {
            await bus.Unsubscribe(subscription.EventType);
        }

        await Observer.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
    }
}
