namespace EdaService.Messaging.AzureServiceBus;

/// <summary>The namespace to connect to, and its tier.</summary>
public sealed class AzureServiceBusOptions
{
    public const string SectionName = "AzureServiceBus";

    /// <summary>A shared-access connection string. Leave empty to sign in with DefaultAzureCredential instead.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>For DefaultAzureCredential: the namespace host, e.g. <c>my-namespace.servicebus.windows.net</c>.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>
    /// The namespace's tier. It sets the largest message that can be sent, and it cannot be changed in place:
    /// moving from Standard to Premium means a new namespace.
    /// </summary>
    public ServiceBusTier Tier { get; set; } = ServiceBusTier.Standard;
}
