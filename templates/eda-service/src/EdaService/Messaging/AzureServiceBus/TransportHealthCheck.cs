using Azure;
using Azure.Identity;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EdaService.Messaging.AzureServiceBus;

/// <summary>
/// The namespace answers for the input queue, with how many messages wait in it and in the error queue: a growing
/// error queue is the first sign of a poison message or a broken dependency. Needs the Manage right (as Rebus does to
/// create its queues).
/// </summary>
internal sealed class TransportHealthCheck(IOptions<AzureServiceBusOptions> serviceBus, IOptions<MessagingOptions> messaging) : IHealthCheck
{
    private ServiceBusAdministrationClient? _client;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var queues = messaging.Value;
        try
        {
            var client = _client ??= CreateClient(serviceBus.Value);
            var input = (await client.GetQueueRuntimePropertiesAsync(queues.InputQueue, cancellationToken)).Value;
            var error = (await client.GetQueueRuntimePropertiesAsync(queues.ErrorQueue, cancellationToken)).Value;
            return HealthCheckResult.Healthy(
                $"Namespace answers: {input.ActiveMessageCount} waiting in {queues.InputQueue}, {error.ActiveMessageCount} in {queues.ErrorQueue}",
                new Dictionary<string, object> { [queues.InputQueue] = input.ActiveMessageCount, [queues.ErrorQueue] = error.ActiveMessageCount });
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException or InvalidOperationException or ArgumentException)
        {
            return HealthCheckResult.Unhealthy($"Azure Service Bus queue {queues.InputQueue} cannot be read: {exception.Message}", exception);
        }
    }

    private static ServiceBusAdministrationClient CreateClient(AzureServiceBusOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new ServiceBusAdministrationClient(options.FullyQualifiedNamespace, new DefaultAzureCredential())
            : new ServiceBusAdministrationClient(options.ConnectionString);
}
