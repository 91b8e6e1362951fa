namespace EdaTemplates.Tests.Infrastructure;

public static class RepositoryLocator
{
    public const string PackProjectFileName = "EdaTemplates.csproj";

    /// <summary>Walks up from the test assembly until it finds the template pack project.</summary>
    public static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, PackProjectFileName)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {PackProjectFileName} found in {AppContext.BaseDirectory} or any parent directory.");
    }
}
