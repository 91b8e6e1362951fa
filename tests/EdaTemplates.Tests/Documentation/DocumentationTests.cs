using EdaTemplates.Tests.Growing;
using EdaTemplates.Tests.Infrastructure;

namespace EdaTemplates.Tests.Documentation;

/// <summary>README.md stays a user document, and CHANGELOG.md's newest entry is the version being packed.</summary>
public sealed class DocumentationTests
{
    private static readonly string Root = RepositoryLocator.FindRoot();

    [Fact]
    public void The_readme_is_short_has_no_version_history_and_is_reference_text()
    {
        var violations = DocumentationRules.CheckReadme(File.ReadAllText(Path.Combine(Root, "README.md")));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_docs_and_the_changelog_are_reference_text()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "CHANGELOG.md"));

        var violations = files.SelectMany(f => DocumentationRules.CheckReferenceText(Path.GetRelativePath(Root, f), File.ReadAllText(f))).ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_newest_changelog_entry_is_the_package_version()
    {
        var changelog = File.ReadAllText(Path.Combine(Root, "CHANGELOG.md"));

        Assert.Equal(PackSource.PackageVersion(Root), DocumentationRules.NewestChangelogVersion(changelog));
    }

    [Fact]
    public void Each_rule_reports_what_breaks_it()
    {
        Assert.Contains(DocumentationRules.CheckReadme(string.Join('\n', Enumerable.Repeat("text", 401))), v => v.Contains("401 lines"));
        Assert.Contains(DocumentationRules.CheckReadme("# Pack\n\n## What 0.5.0 changes\n"), v => v.StartsWith("README.md:3: a version-history heading"));
        Assert.Contains(DocumentationRules.CheckReadme("# Pack\n\n### 0.7.1\n"), v => v.StartsWith("README.md:3:"));
        Assert.Contains(DocumentationRules.CheckReadme("The run I had stopped left two instances.\n"), v => v.Contains("first person ('I')"));
        Assert.Contains(DocumentationRules.CheckReferenceText("a.md", "The lost events were my doing.\n"), v => v.Contains("('my')"));
        Assert.Empty(DocumentationRules.CheckReadme("# Pack\n\n## Install\n\nRuns on .NET 10 (`net10.0`); PostgreSQL 15. Item I/O is fine.\n"));
        Assert.Equal("0.8.0", DocumentationRules.NewestChangelogVersion("# Changelog\n\n## [0.8.0] - 2026-12-06\n\n## [0.7.2] - 2026-12-02\n"));
        Assert.Null(DocumentationRules.NewestChangelogVersion("# Changelog\n\nNothing yet.\n"));
    }
}
