using EdaService.IntegrationTests.Infrastructure;

// One database per test run, shared by the tests; they are one collection and run one at a time, so fault injection
// never leaks into a neighbour. Only the tests of IsolatedCollection, each on a database of its own, run beside them.
[assembly: AssemblyFixture(typeof(TestDatabase))]
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
