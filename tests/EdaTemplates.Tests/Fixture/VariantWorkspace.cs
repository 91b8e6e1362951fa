using EdaTemplates.Tests.Infrastructure;
using EdaTemplates.Tests.Layout;
using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests.Fixture;

/// <summary>One generated solution: where it is, what `dotnet new` produced and said, and where its step logs go.</summary>
public sealed record VariantWorkspace(
    Variant Variant,
    string RootDirectory,
    string SolutionDirectory,
    ProcessResult Instantiation,
    string InstantiationLog,
    GeneratedTree GeneratedTree)
{
    public string LogDirectory => Path.Combine(RootDirectory, "logs");

    public string LogFile(string step) => Path.Combine(LogDirectory, $"{step}.log");
}
