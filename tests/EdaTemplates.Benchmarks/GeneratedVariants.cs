using EdaTemplates.Tests.Infrastructure;

namespace EdaTemplates.Benchmarks;

/// <summary>
/// Packs this repository's template, installs it into a private hive, generates the service in the shapes to compare
/// and builds the benchmark driver (Driver/) inside each generated solution, so it measures the code as generated.
/// </summary>
public sealed class GeneratedVariants(string repositoryRoot, string workDirectory)
{
    public const string ServiceName = "EdaService";

    /// <summary>The PostgreSQL variant that runs end to end here; integration tests off because they do not change the service.</summary>
    public static readonly string[] Base = ["--transport", "Database", "--database", "PostgreSql", "--integration-tests", "false"];

    public static readonly string[] AllOn = [.. Base, "--outbox", "true", "--idempotency", "true", "--ordering", "true", "--kill-switch", "true", "--validation", "true", "--peek-lock", "true"];

    public static readonly string[] AllOff = [.. Base, "--outbox", "false", "--idempotency", "false", "--ordering", "false", "--kill-switch", "false", "--validation", "false", "--peek-lock", "false"];

    /// <summary>The template's switches that change the handling path (peek-lock has no effect on the Database transport).</summary>
    public static readonly string[] Switches = ["outbox", "idempotency", "ordering", "kill-switch", "validation"];

    /// <summary>Every switch off except <paramref name="on"/>: what that one building block costs on its own.</summary>
    public static string[] OnlyOn(string on) =>
        [.. AllOff.Select((argument, i) => i > 0 && AllOff[i - 1] == $"--{on}" ? "true" : argument)];

    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(10);

    public string HiveDirectory => Path.Combine(workDirectory, "hive");

    private string LogDirectory => Path.Combine(workDirectory, "logs");

    public async Task InstallPackAsync()
    {
        var packages = Path.Combine(workDirectory, "nupkg");
        await RunAsync(repositoryRoot, ["pack", "EdaTemplates.csproj", "-o", packages], "pack");
        var package = Directory.GetFiles(packages, "EdaTemplates.*.nupkg").Single();
        await RunAsync(workDirectory, ["new", "install", package, "--debug:custom-hive", HiveDirectory], "install");
    }

    /// <summary>Generates the variant and builds its driver in Release; returns the driver's assembly.</summary>
    public async Task<string> BuildDriverAsync(string name, IReadOnlyList<string> options)
    {
        var solution = Path.Combine(workDirectory, "variants", name);
        await NewAsync(solution, ServiceName, ["eda-service", .. options]);

        var driverDirectory = Path.Combine(solution, "bench", $"{ServiceName}.BenchDriver");
        Directory.CreateDirectory(driverDirectory);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Driver")))
        {
            File.Copy(file, Path.Combine(driverDirectory, Path.GetFileName(file)), overwrite: true);
        }

        var project = Path.Combine(driverDirectory, $"{ServiceName}.BenchDriver.csproj");
        await RunAsync(solution, ["build", project, "-c", "Release"], $"build-{name}");
        return Path.Combine(driverDirectory, "bin", "Release", "net10.0", $"{ServiceName}.BenchDriver.dll");
    }

    /// <summary>
    /// The generated service's default <c>Messaging:MaxParallelism</c> (messages handled at once), read from its
    /// appsettings.json: the ceilings run at the same concurrency.
    /// </summary>
    public int ConfiguredMaxParallelism(string name)
    {
        var settings = Path.Combine(workDirectory, "variants", name, "src", ServiceName, "appsettings.json");
        using var json = System.Text.Json.JsonDocument.Parse(
            File.ReadAllText(settings),
            new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return json.RootElement.GetProperty("Messaging").GetProperty("MaxParallelism").GetInt32();
    }

    /// <summary>`dotnet new` with the private hive; fails on anything written to stderr, as the pack's tests do.</summary>
    public async Task<ProcessResult> NewAsync(string outputDirectory, string name, IReadOnlyList<string> arguments)
    {
        Directory.CreateDirectory(outputDirectory);
        var result = await RunAsync(
            outputDirectory,
            ["new", .. arguments, "-n", name, "-o", outputDirectory, "--no-update-check", "--debug:custom-hive", HiveDirectory],
            $"new-{Path.GetFileName(outputDirectory)}");
        if (result.StandardError.Trim().Length > 0)
        {
            throw new InvalidOperationException($"dotnet new wrote to stderr:{Environment.NewLine}{result.Describe()}");
        }

        return result;
    }

    public async Task<ProcessResult> RunAsync(string directory, IReadOnlyList<string> arguments, string step)
    {
        var log = Path.Combine(LogDirectory, $"{step}.log");
        var result = await DotnetCli.RunAsync(directory, arguments, StepTimeout, log, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(DotnetCli.FailureMessage($"`dotnet {string.Join(' ', arguments)}` failed", result, log));
        }

        return result;
    }
}
