using Rebus.Exceptions;

namespace EdaService.Messaging.AzureServiceBus;

/// <summary>An outgoing message the namespace's tier would refuse. Fails fast: retrying cannot make it smaller.</summary>
public sealed class MessageTooLargeException(string messageType, long size, ServiceBusTier tier, long limit)
    : Exception($"Outgoing message {messageType} is {size:N0} bytes (body and headers), over the {limit:N0} byte limit " +
                $"of the Azure Service Bus {tier} tier (AzureServiceBus:Tier). Send a reference to the data instead " +
                "(claim check), or move to a Premium namespace."), IFailFastException
{
    public long Size { get; } = size;

    public long Limit { get; } = limit;
}
