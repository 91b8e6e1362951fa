using EdaTemplates.Tests.Fixture;
using EdaTemplates.Tests.Infrastructure;
using EdaTemplates.Tests.Layout;
using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests;

[Collection(TemplatePackCollection.Name)]
public sealed class IntegrationTestRunTests(TemplatePackFixture fixture)
{
    /// <summary>The variable the generated integration tests read their connection string from.</summary>
    private const string ConnectionStringVariable = "EDA_TEST_CONNECTION_STRING";

    private const string SqlServerConnectionStringVariable = "EDA_TEST_SQLSERVER_CONNECTION_STRING";

    [Theory]
    [MemberData(nameof(VariantMatrix.VariantsWithIntegrationTests), MemberType = typeof(VariantMatrix))]
    public async Task Integration_tests_pass(Variant variant)
    {
        var environment = await ChildDatabaseEnvironmentAsync(variant);

        var build = await fixture.BuildAsync(variant);
        if (build.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var run = await GeneratedTestRun.RunAsync(
            build.Workspace,
            ExpectedLayout.IntegrationTestsProject,
            "05-integration-tests",
            StepTimeouts.IntegrationTests,
            TestContext.Current.CancellationToken,
            environment);

        Assert.True(run.Process.Succeeded, run.FailureMessage($"Integration tests of {variant.Name} failed"));
        Assert.True(run.Counts is not null, run.FailureMessage($"Integration tests of {variant.Name} wrote no TRX"));
        Assert.True(run.Counts.Failed == 0, run.FailureMessage($"Integration tests of {variant.Name} reported failures"));
        Assert.True(
            run.Counts.Passed > 0,
            run.FailureMessage($"Integration tests of {variant.Name} passed none although a database was provided: they must actually run here"));
    }

    /// <summary>What the generated integration tests get to reach their database; skips the test when there is none.</summary>
    private async Task<IReadOnlyDictionary<string, string?>> ChildDatabaseEnvironmentAsync(Variant variant)
    {
        var (variable, server) = variant.Database == DatabaseKind.PostgreSql
            ? (ConnectionStringVariable, "PostgreSQL")
            : (SqlServerConnectionStringVariable, "SQL Server");
        var connectionString = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(connectionString))
        {
            return new Dictionary<string, string?> { [ConnectionStringVariable] = connectionString };
        }

        if (!await fixture.IsDockerUsableAsync())
        {
            Assert.Skip($"no {server} to run against: set {variable}, or run where Docker is available");
        }

        // Without a connection string the generated tests start their database through Testcontainers; a
        // connection string for the other database must not leak into this variant.
        return new Dictionary<string, string?> { [ConnectionStringVariable] = null };
    }
}
