using EdaTemplates.Tests.Fixture;
using EdaTemplates.Tests.Infrastructure;
using EdaTemplates.Tests.Layout;
using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests;

[Collection(TemplatePackCollection.Name)]
public sealed class BuildTests(TemplatePackFixture fixture)
{
    [Theory]
    [MemberData(nameof(VariantMatrix.AllVariants), MemberType = typeof(VariantMatrix))]
    public async Task Builds_with_warnings_as_errors_and_unit_tests_pass(Variant variant)
    {
        var build = await fixture.BuildAsync(variant);
        if (build.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var run = await GeneratedTestRun.RunAsync(
            build.Workspace,
            ExpectedLayout.UnitTestsProject,
            "04-unit-tests",
            StepTimeouts.UnitTests,
            TestContext.Current.CancellationToken);

        Assert.True(run.Process.Succeeded, run.FailureMessage($"Unit tests of {variant.Name} failed"));
        Assert.True(run.Counts is { Failed: 0, Passed: > 0 }, run.FailureMessage($"Unit tests of {variant.Name} ran no passing test"));
    }
}
