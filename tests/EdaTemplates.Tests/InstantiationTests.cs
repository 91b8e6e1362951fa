using EdaTemplates.Tests.Fixture;
using EdaTemplates.Tests.Layout;
using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests;

[Collection(TemplatePackCollection.Name)]
public sealed class InstantiationTests(TemplatePackFixture fixture)
{
    [Theory]
    [MemberData(nameof(VariantMatrix.AllVariants), MemberType = typeof(VariantMatrix))]
    public async Task Instantiates_with_expected_files(Variant variant)
    {
        var workspace = await fixture.InstantiateAsync(variant);

        Assert.True(
            workspace.Instantiation.StandardError.Length == 0,
            $"dotnet new wrote to stderr for {variant.Name} (log: {workspace.InstantiationLog}):{Environment.NewLine}{workspace.Instantiation.Describe()}");

        var violations = LayoutInspector.FindViolations(workspace.GeneratedTree, variant);
        Assert.True(
            violations.Count == 0,
            $"Generated solution for {variant.Name} ({DescribeOptions(variant)}) at {workspace.SolutionDirectory} " +
            $"differs from {nameof(ExpectedLayout)}:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", violations));
    }

    private static string DescribeOptions(Variant variant) =>
        variant.CliArguments.Count == 0 ? "no options: template defaults" : string.Join(' ', variant.CliArguments);
}
