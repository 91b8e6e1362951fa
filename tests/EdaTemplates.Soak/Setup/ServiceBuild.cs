namespace EdaTemplates.Soak.Setup;

/// <summary>
/// The service under test, made the way a user makes it: pack the repository's templates, install them into a private
/// hive, `dotnet new eda-service` with the Database transport on PostgreSQL and every switch on, build in Release.
/// </summary>
internal static class ServiceBuild
{
    public const string ServiceName = "Soak";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    public static readonly IReadOnlyList<string> TemplateArguments =
    [
        "eda-service", "-n", ServiceName, "--transport", "Database", "--database", "PostgreSql",
        "--outbox", "true", "--idempotency", "true", "--ordering", "true", "--kill-switch", "true",
        "--validation", "true", "--peek-lock", "true", "--integration-tests", "true",
    ];

    /// <summary>Returns the path of the built service's dll.</summary>
    public static async Task<string> CreateAsync(string repositoryRoot, string workDirectory, Action<string> progress)
    {
        var logs = Path.Combine(workDirectory, "logs");
        var packages = Path.Combine(workDirectory, "nupkg");
        var hive = Path.Combine(workDirectory, "hive");
        var solution = Path.Combine(workDirectory, ServiceName);
        var env = ProcessTool.DotnetEnvironment;

        progress("packing EdaTemplates.csproj");
        await ProcessTool.RunAsync("dotnet", ["pack", Path.Combine(repositoryRoot, "EdaTemplates.csproj"), "-o", packages],
            repositoryRoot, Path.Combine(logs, "pack.log"), PackTimeout, env);
        var package = Directory.GetFiles(packages, "EdaTemplates.*.nupkg").Single();

        progress("installing the pack into a private hive and running dotnet new");
        await ProcessTool.RunAsync("dotnet", ["new", "install", package, "--debug:custom-hive", hive],
            workDirectory, Path.Combine(logs, "install.log"), PackTimeout, env);
        await ProcessTool.RunAsync("dotnet", ["new", .. TemplateArguments, "-o", solution, "--no-update-check", "--debug:custom-hive", hive],
            workDirectory, Path.Combine(logs, "new.log"), PackTimeout, env, failOnStandardError: true);

        progress("building the generated service (Release)");
        var project = Path.Combine(solution, "src", ServiceName, $"{ServiceName}.csproj");
        await ProcessTool.RunAsync("dotnet", ["build", project, "-c", "Release", "-o", Path.Combine(workDirectory, "service")],
            solution, Path.Combine(logs, "build.log"), BuildTimeout, env);
        return Path.Combine(workDirectory, "service", $"{ServiceName}.dll");
    }

    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "EdaTemplates.csproj")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("EdaTemplates.csproj not found above the soak's binaries or the current directory.");
    }
}
