namespace EdaService.IntegrationTests.Infrastructure;

internal static class TestTransport
{
#if (UseAzureServiceBus)
    /// <summary>No broker in the test run: Rebus's in-memory transport stands in for Azure Service Bus.</summary>
    public static ITestTransport Create(string connectionString) => new InMemoryTestTransport();
#else
    public static ITestTransport Create(string connectionString) => new DatabaseTestTransport(connectionString);
#endif
}
