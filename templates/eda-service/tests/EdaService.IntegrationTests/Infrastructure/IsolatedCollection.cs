namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>
/// Tests in this collection run beside the others (every other test is in the assembly's one collection and they run
/// one at a time): each one uses a database of its own (<see cref="TestDatabase.CreateIsolatedDatabaseAsync"/>) and
/// spends most of its time waiting, like a 30-second outage.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IsolatedCollection
{
    public const string Name = "Isolated database";
}
