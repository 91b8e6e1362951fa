using EdaTemplates.Tests.Results;

namespace EdaTemplates.Tests.SelfTests;

public sealed class RestoreFailureClassifierTests
{
    private const string Project = "/tmp/w/Orders/src/Orders/Orders.csproj";

    [Fact]
    public void Missing_mirror_packages_only_are_recognised()
    {
        var output = $"""
              Determining projects to restore...
            {Project} : error NU1101: Unable to find package Rebus.SqlServer. No packages exist with this id in source(s): nuget.org [/tmp/w/Orders/Orders.slnx]
            {Project} : error NU1101: Unable to find package Rebus.AzureServiceBus. No packages exist with this id in source(s): nuget.org [/tmp/w/Orders/Orders.slnx]
              Failed to restore {Project} (in 550 ms).
            """;

        var unavailable = RestoreFailureClassifier.FindOnlyKnownMissingPackages(output);

        Assert.NotNull(unavailable);
        Assert.Equal(["Rebus.AzureServiceBus", "Rebus.SqlServer"], unavailable.PackageIds);
        Assert.Equal(["NU1101"], unavailable.Codes);
    }

    [Fact]
    public void NU1102_with_its_continuation_lines_is_recognised()
    {
        var output = $"""
            {Project} : error NU1102: Unable to find package Rebus.SqlServer with version (>= 99.0.0)
            {Project} : error NU1102:   - Found 3 version(s) in nuget.org [ Nearest version: 8.1.0 ]
            """;

        var unavailable = RestoreFailureClassifier.FindOnlyKnownMissingPackages(output);

        Assert.NotNull(unavailable);
        Assert.Equal(["Rebus.SqlServer"], unavailable.PackageIds);
        Assert.Equal(["NU1102"], unavailable.Codes);
    }

    [Theory]
    [InlineData("error NU1101: Unable to find package Rebus.PostgreSql. No packages exist with this id in source(s): nuget.org")]
    [InlineData("error NU1102: Unable to find package Rebus with version (>= 99.0.0)")]
    [InlineData("error NU1103: Unable to find a stable package Rebus.SqlServer with version (>= 8.1.0)")]
    [InlineData("error NU1603: Rebus.SqlServer 8.1.0 depends on Rebus (>= 8.0.0) but Rebus 8.0.0 was not found.")]
    [InlineData("error NU1301: Unable to load the service index for source https://example.invalid/v3/index.json.")]
    [InlineData("error MSB4019: The imported project was not found.")]
    [InlineData("error : Something went wrong without a code.")]
    public void Any_other_error_is_not_skippable(string otherError)
    {
        var output = $"""
            {Project} : error NU1101: Unable to find package Rebus.SqlServer. No packages exist with this id in source(s): nuget.org
            {Project} : {otherError}
            """;

        Assert.Null(RestoreFailureClassifier.FindOnlyKnownMissingPackages(output));
    }

    [Fact]
    public void Output_without_errors_is_not_skippable()
    {
        const string output = """
              Determining projects to restore...
            /tmp/w/Orders/Orders.csproj : warning NU1603: Rebus.PostgreSql 9.1.0 was not found. An approximate best match of 9.1.1 was resolved.
            """;

        Assert.Null(RestoreFailureClassifier.FindOnlyKnownMissingPackages(output));
    }
}
