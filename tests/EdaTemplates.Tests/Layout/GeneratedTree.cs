namespace EdaTemplates.Tests.Layout;

/// <summary>
/// The files and directories `dotnet new` produced, captured before anything is built in the folder
/// so later bin/obj output cannot be mistaken for shipped content.
/// </summary>
public sealed record GeneratedTree(string Root, IReadOnlyList<string> Files, IReadOnlyList<string> Directories)
{
    public static GeneratedTree Capture(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        string Relative(string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

        var files = Directory.EnumerateFiles(root, "*", options).Select(Relative).Order(StringComparer.Ordinal).ToArray();
        var directories = Directory.EnumerateDirectories(root, "*", options).Select(Relative).Order(StringComparer.Ordinal).ToArray();
        return new GeneratedTree(root, files, directories);
    }
}
