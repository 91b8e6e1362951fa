using System.Text.Json;
using EdaService.IntegrationTests.Infrastructure;
using EdaService.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Validation;

/// <summary>The real service, its transport and a producer probe, with the waits a rejection test needs.</summary>
internal sealed class ValidationHarness : IAsyncDisposable
{
    private ValidationHarness(ServiceUnderTest service, ITestTransport transport, ProducerProbe producer)
    {
        Service = service;
        Transport = transport;
        Producer = producer;
        InputQueue = service.Services.GetRequiredService<IOptions<MessagingOptions>>().Value.InputQueue;
    }

    public ServiceUnderTest Service { get; }

    public ITestTransport Transport { get; }

    public ProducerProbe Producer { get; }

    public string InputQueue { get; }

    public static async Task<ValidationHarness> StartAsync(string connectionString, Action<IServiceCollection>? configureServices = null)
    {
        var transport = TestTransport.Create(connectionString);
        var service = await ServiceUnderTest.StartAsync(connectionString, configureServices, transport);
        var producer = await ProducerProbe.StartAsync(transport, $"producer-{Guid.NewGuid():N}"[..17]);
        return new ValidationHarness(service, transport, producer);
    }

    /// <summary>Sends <paramref name="message"/> raw to the service's input queue; returns its message id.</summary>
    public async Task<string> SendRawAsync(TransportMessage message)
    {
        await Producer.SendRawAsync(InputQueue, message);
        return message.Headers[Headers.MessageId];
    }

    public async Task<TransportMessage> ErrorQueueMessageAsync(string messageId) =>
        (await Eventually.Until(
            async () => (await Transport.GetMessagesAsync(Service.ErrorQueue)).Where(m => m.Headers.GetValueOrDefault(Headers.MessageId) == messageId).ToList(),
            found => found.Count > 0,
            $"message {messageId} in the error queue"))[0];

    public Task<Contracts.MessageRejected?> RejectionAsync(string messageId) =>
        Eventually.Until(() => Task.FromResult(Producer.RejectionOf(messageId)), notice => notice is not null, $"MessageRejected for {messageId}");

    /// <summary>The reasons the error queue copy lists in eda-validation-errors.</summary>
    public static IReadOnlyList<string> ListedReasons(TransportMessage failed) =>
        JsonSerializer.Deserialize<string[]>(failed.Headers[EdaService.Validation.ValidationHeaders.Errors]) ?? [];

    /// <summary>A valid order placed now is stored: bad input before it did not stop consumption.</summary>
    public async Task AssertGoodOrdersAreStillStoredAsync()
    {
        var placed = await Service.PlaceOrderAsync();
        await Eventually.Until(() => Service.FindOrderAsync(placed.OrderId), order => order is not null, $"order {placed.OrderId} to be stored");
    }

    public async ValueTask DisposeAsync()
    {
        await Producer.DisposeAsync();
        await Service.DisposeAsync();
    }
}
