using EdaService.IntegrationTests.Infrastructure;

// One database per test run, shared by the tests; they run one at a time so fault injection never leaks into a neighbour.
[assembly: AssemblyFixture(typeof(TestDatabase))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
