using System.Text.RegularExpressions;

namespace EdaTemplates.Tests.Documentation;

/// <summary>
/// What keeps README.md a user document: short, no version history (that is CHANGELOG.md's), reference text rather
/// than an account of someone's day, and a changelog whose newest entry is the version being packed.
/// </summary>
public static partial class DocumentationRules
{
    public const int MaxReadmeLines = 400;

    public static IReadOnlyList<string> CheckReadme(string readme)
    {
        var violations = new List<string>();
        var lines = readme.Split('\n');
        if (lines.Length > MaxReadmeLines)
        {
            violations.Add($"README.md has {lines.Length} lines, more than {MaxReadmeLines}: move details to docs/ and history to CHANGELOG.md");
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (VersionHistoryHeading().IsMatch(lines[i]))
            {
                violations.Add($"README.md:{i + 1}: a version-history heading belongs in CHANGELOG.md: {lines[i].Trim()}");
            }
        }

        violations.AddRange(CheckReferenceText("README.md", readme));
        return violations;
    }

    /// <summary>No first person: documentation says what is, not what someone did.</summary>
    public static IReadOnlyList<string> CheckReferenceText(string file, string text)
    {
        var lines = text.Split('\n');
        var violations = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (FirstPerson().Match(lines[i]) is { Success: true } match)
            {
                violations.Add($"{file}:{i + 1}: first person ('{match.Value.Trim()}'); write reference text");
            }
        }

        return violations;
    }

    /// <summary>The newest <c>## [x.y.z]</c> entry of CHANGELOG.md, or null when it has none.</summary>
    public static string? NewestChangelogVersion(string changelog) =>
        ChangelogEntry().Match(changelog) is { Success: true } match ? match.Groups["version"].Value : null;

    // "## What 0.5.0 changes", "### 0.7.1", "## Version 0.6.0 (...)": history, wherever the number sits in the heading.
    [GeneratedRegex(@"^\s{0,3}#{1,6}\s.*(\bv?\d+\.\d+\.\d+\b|\bWhat\b.*\bchange)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionHistoryHeading();

    [GeneratedRegex(@"(^|[\s(""])(I|I'm|I've|I'd|my|me)(?=[\s,.;:!?)])")]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"^## \[(?<version>\d+\.\d+\.\d+[^\]]*)\]", RegexOptions.Multiline)]
    private static partial Regex ChangelogEntry();
}
