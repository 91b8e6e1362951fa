using System.Text;
using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests.Layout;

/// <summary>Compares a generated tree with <see cref="ExpectedLayout"/> and lists every difference.</summary>
public static class LayoutInspector
{
    public static IReadOnlyList<string> FindViolations(GeneratedTree tree, Variant variant)
    {
        var violations = new List<string>();
        var files = tree.Files.ToHashSet(StringComparer.Ordinal);
        var directories = tree.Directories.ToHashSet(StringComparer.Ordinal);

        foreach (var required in ExpectedLayout.RequiredFiles.Where(required => !files.Contains(required)))
        {
            violations.Add($"missing required file {required}");
        }

        foreach (var rule in ExpectedLayout.ConditionalDirectories)
        {
            var expected = rule.ExpectedWhen(variant);
            var present = directories.Contains(rule.RelativePath);
            if (expected && !present)
            {
                violations.Add($"missing directory {rule.RelativePath}/ (expected because {rule.Condition})");
            }
            else if (!expected && present)
            {
                violations.Add($"unexpected directory {rule.RelativePath}/ (expected only when {rule.Condition})");
            }
        }

        foreach (var path in tree.Files.Concat(tree.Directories))
        {
            var name = path[(path.LastIndexOf('/') + 1)..];
            foreach (var forbidden in ExpectedLayout.ForbiddenInNames.Where(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)))
            {
                violations.Add($"name of {path} contains '{forbidden}'");
            }
        }

        foreach (var directory in tree.Directories)
        {
            var name = directory[(directory.LastIndexOf('/') + 1)..];
            if (ExpectedLayout.ForbiddenDirectoryNames.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                violations.Add($"shipped build output directory {directory}/");
            }
        }

        foreach (var file in tree.Files)
        {
            var content = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(tree.Root, file)));
            foreach (var forbidden in ExpectedLayout.ForbiddenInContent)
            {
                var line = FirstLineContaining(content, forbidden);
                if (line is not null)
                {
                    violations.Add($"{file} contains '{forbidden}': {line.Trim()}");
                }
            }

            foreach (var rule in ExpectedLayout.ConditionalForbiddenContent.Where(rule => rule.ForbiddenWhen(variant)))
            {
                var line = FirstLineContaining(content, rule.Text);
                if (line is not null)
                {
                    violations.Add($"{file} contains '{rule.Text}' although {rule.Condition}: {line.Trim()}");
                }
            }
        }

        return violations;
    }

    private static string? FirstLineContaining(string content, string text)
    {
        var index = content.IndexOf(text, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var start = content.LastIndexOf('\n', index) + 1;
        var end = content.IndexOf('\n', index);
        return content[start..(end < 0 ? content.Length : end)];
    }
}
