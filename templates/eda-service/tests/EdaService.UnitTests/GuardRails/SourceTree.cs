using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace EdaService.UnitTests.GuardRails;

/// <summary>
/// The solution's source files, found from this file's compile-time path (the tests run where they were built), so the
/// guard rails read the code as the team changed it. Paths are relative to the solution folder and use '/'.
/// </summary>
internal sealed partial class SourceTree
{
    private SourceTree(string root, IReadOnlyDictionary<string, string> files)
    {
        Root = root;
        Files = files;
    }

    public string Root { get; }

    /// <summary>Relative path to text of every C# file under src/, generated code (obj, bin, migrations) left out.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public static SourceTree Load([CallerFilePath] string thisFile = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (directory is not null && directory.GetFiles("*.slnx").Length == 0)
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, $"No solution folder (*.slnx) above {thisFile}: the guard rails read the service's source from there.");
        var src = Path.Combine(directory.FullName, "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory.FullName, path).Replace('\\', '/'))
            .Where(path => !GeneratedPath().IsMatch(path))
            .ToDictionary(path => path, path => File.ReadAllText(Path.Combine(directory.FullName, path)));
        return new SourceTree(directory.FullName, files);
    }

    /// <summary>Files under <paramref name="folder"/> (e.g. "src/EdaService.Contracts/").</summary>
    public static IReadOnlyDictionary<string, string> Under(IReadOnlyDictionary<string, string> files, string folder) =>
        files.Where(f => f.Key.StartsWith(folder, StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value);

    /// <summary>The file that declares type <paramref name="name"/>, or a note that none does.</summary>
    public static string FileDeclaring(IReadOnlyDictionary<string, string> files, string name) =>
        files.FirstOrDefault(f => Regex.IsMatch(f.Value, $@"\b(class|record|struct|interface)\s+{Regex.Escape(name)}\b")).Key
        ?? $"(no file under src/ declares {name})";

    [GeneratedRegex(@"(^|/)(obj|bin|Migrations)/")]
    private static partial Regex GeneratedPath();
}
