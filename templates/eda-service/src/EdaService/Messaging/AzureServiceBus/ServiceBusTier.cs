namespace EdaService.Messaging.AzureServiceBus;

public enum ServiceBusTier
{
    /// <summary>256 KB per message (headers included); topics available.</summary>
    Standard,

    /// <summary>Up to 100 MB per message.</summary>
    Premium,
}
