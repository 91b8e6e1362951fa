using EdaService.Messaging;
using Rebus.Config;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>The transport a test runs the service on, and what the test needs to watch it.</summary>
internal interface ITestTransport
{
    /// <summary>The service's transport; null keeps the one the service was generated with.</summary>
    ConfigureRebus? ServiceTransport { get; }

    /// <summary>Configures the test's own bus (it publishes input and observes output) on the same transport.</summary>
    void ConfigureObserver(RebusConfigurer rebus, string queue);

    /// <summary>What is waiting in <paramref name="queue"/>, e.g. the error queue.</summary>
    Task<IReadOnlyList<TransportMessage>> GetMessagesAsync(string queue);
}
