using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EdaTemplates.Tests.Infrastructure;

namespace EdaTemplates.Tests.Growing;

/// <summary>
/// The pack's version in its two places: EdaTemplates.csproj's &lt;Version&gt; (the package) and the eda-service template's
/// EdaPackVersion constant (what a generated service records in its answers file). They must stay equal, or the update
/// command would look for a pack version that does not exist.
/// </summary>
public static partial class PackSource
{
    public const string ServiceTemplateJson = "templates/eda-service/.template.config/template.json";

    public const string ServiceHostJson = "templates/eda-service/.template.config/dotnetcli.host.json";

    public const string AnswersFileInTemplate = "templates/eda-service/.eda-service.json";

    public static string PackageVersion(string root) =>
        CsprojVersion().Match(File.ReadAllText(Path.Combine(root, RepositoryLocator.PackProjectFileName))) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No <Version> in {RepositoryLocator.PackProjectFileName}");

    public static string RecordedVersion(string root) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(root, ServiceTemplateJson)))!["symbols"]!["EdaPackVersion"]!["parameters"]!["value"]!.GetValue<string>();

    /// <summary>Copies what the pack is built from into <paramref name="destination"/>, without build output.</summary>
    public static void CopyTo(string root, string destination)
    {
        foreach (var file in new[] { RepositoryLocator.PackProjectFileName, "README.md", "LICENSE" })
        {
            Directory.CreateDirectory(destination);
            File.Copy(Path.Combine(root, file), Path.Combine(destination, file), overwrite: true);
        }

        var templates = Path.Combine(root, "templates");
        foreach (var file in Directory.EnumerateFiles(templates, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(root, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p is "bin" or "obj" or "TestResults" or ".vs"))
            {
                continue;
            }

            var target = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Sets both places of the version in a copy made by <see cref="CopyTo"/>.</summary>
    public static void SetVersion(string copy, string version)
    {
        var csproj = Path.Combine(copy, RepositoryLocator.PackProjectFileName);
        File.WriteAllText(csproj, CsprojVersion().Replace(File.ReadAllText(csproj), $"<Version>{version}</Version>", 1));

        var templateJson = Path.Combine(copy, ServiceTemplateJson);
        var text = File.ReadAllText(templateJson);
        var updated = ConstantVersion().Replace(text, m => m.Groups[1].Value + version + m.Groups[2].Value, 1);
        if (updated == text)
        {
            throw new InvalidOperationException($"EdaPackVersion not found in {templateJson}");
        }

        File.WriteAllText(templateJson, updated);
        if (RecordedVersion(copy) != version || PackageVersion(copy) != version)
        {
            throw new InvalidOperationException($"Setting the version to {version} in {copy} did not take");
        }
    }

    [GeneratedRegex(@"<Version>([^<]+)</Version>")]
    private static partial Regex CsprojVersion();

    [GeneratedRegex(@"(""EdaPackVersion""[^\n]*?""value"": "")[^""]+("")")]
    private static partial Regex ConstantVersion();
}
