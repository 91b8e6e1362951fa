using Rebus.Config;

namespace EdaService.Messaging.AzureServiceBus;

/// <summary>Transport settings contributed by a building block (PeekLock), applied when the transport is configured.</summary>
public delegate void ConfigureAzureServiceBus(AzureServiceBusTransportSettings settings, IServiceProvider services);
