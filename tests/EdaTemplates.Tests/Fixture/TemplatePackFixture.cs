using System.Collections.Concurrent;
using EdaTemplates.Tests.Infrastructure;
using EdaTemplates.Tests.Layout;
using EdaTemplates.Tests.Results;
using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests.Fixture;

/// <summary>
/// Packs the repository's template pack, installs it into a private template hive, and instantiates and
/// builds each variant at most once per test run, however many tests ask for it.
/// </summary>
public sealed class TemplatePackFixture : IAsyncLifetime
{
    public const string TemplateShortName = "eda-service";

    private readonly ConcurrentDictionary<Variant, Lazy<Task<VariantWorkspace>>> workspaces = new();
    private readonly ConcurrentDictionary<Variant, Lazy<Task<BuildOutcome>>> builds = new();
    private readonly Lazy<Task<bool>> dockerUsable;

    public TemplatePackFixture()
    {
        RepositoryRoot = RepositoryLocator.FindRoot();
        WorkRoot = Environment.GetEnvironmentVariable("EDA_TEST_WORK") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Path.GetTempPath(), "eda-templates-tests", DateTime.Now.ToString("yyyyMMdd-HHmmss"));
        dockerUsable = new(() => DockerProbe.IsUsableAsync(WorkRoot));
    }

    public string RepositoryRoot { get; }

    public string WorkRoot { get; }

    public string HiveDirectory => Path.Combine(WorkRoot, "hive");

    private string PackageDirectory => Path.Combine(WorkRoot, "nupkg");

    private string LogDirectory => Path.Combine(WorkRoot, "logs");

    public async ValueTask InitializeAsync()
    {
        // EDA_TEST_WORK may point at an earlier run: start from empty folders the harness owns.
        foreach (var owned in new[] { PackageDirectory, HiveDirectory, LogDirectory, Path.Combine(WorkRoot, "variants"), Path.Combine(WorkRoot, "cli") })
        {
            if (Directory.Exists(owned))
            {
                Directory.Delete(owned, recursive: true);
            }
        }

        Directory.CreateDirectory(PackageDirectory);
        Directory.CreateDirectory(HiveDirectory);

        var packLog = Path.Combine(LogDirectory, "pack.log");
        var pack = await DotnetCli.RunAsync(
            RepositoryRoot,
            ["pack", RepositoryLocator.PackProjectFileName, "-o", PackageDirectory],
            StepTimeouts.Pack,
            packLog,
            CancellationToken.None);
        if (!pack.Succeeded)
        {
            throw new InvalidOperationException(DotnetCli.FailureMessage("dotnet pack of the template pack failed", pack, packLog));
        }

        var packages = Directory.GetFiles(PackageDirectory, "EdaTemplates.*.nupkg");
        if (packages.Length != 1)
        {
            throw new InvalidOperationException(
                $"Expected one EdaTemplates package in {PackageDirectory}, found {packages.Length}.{Environment.NewLine}{pack.Describe()}");
        }

        var installLog = Path.Combine(LogDirectory, "install.log");
        var install = await DotnetCli.RunAsync(
            WorkRoot,
            ["new", "install", packages[0], "--debug:custom-hive", HiveDirectory],
            StepTimeouts.TemplateCommand,
            installLog,
            CancellationToken.None);
        if (!install.Succeeded)
        {
            throw new InvalidOperationException(DotnetCli.FailureMessage("dotnet new install of the packed templates failed", install, installLog));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs `dotnet new {args} --debug:custom-hive {hive}`; the private hive keeps the user's templates untouched.</summary>
    public Task<ProcessResult> RunTemplateCommandAsync(string workingDirectory, IReadOnlyList<string> arguments, string logFile, CancellationToken cancellationToken) =>
        DotnetCli.RunAsync(
            workingDirectory,
            ["new", .. arguments, "--debug:custom-hive", HiveDirectory],
            StepTimeouts.TemplateCommand,
            logFile,
            cancellationToken);

    /// <summary>A new empty directory under the work root for tests that are not about one variant.</summary>
    public string CreateScratchDirectory(string name)
    {
        var directory = Path.Combine(WorkRoot, "cli", name);
        Directory.CreateDirectory(directory);
        return directory;
    }

    public Task<VariantWorkspace> InstantiateAsync(Variant variant) =>
        workspaces.GetOrAdd(variant, key => new Lazy<Task<VariantWorkspace>>(() => CreateWorkspaceAsync(key))).Value;

    public Task<BuildOutcome> BuildAsync(Variant variant) =>
        builds.GetOrAdd(variant, key => new Lazy<Task<BuildOutcome>>(() => RestoreAndBuildAsync(key))).Value;

    public Task<bool> IsDockerUsableAsync() => dockerUsable.Value;

    private async Task<VariantWorkspace> CreateWorkspaceAsync(Variant variant)
    {
        var root = Path.Combine(WorkRoot, "variants", variant.Name);
        var solution = Path.Combine(root, ExpectedLayout.ProjectName);
        Directory.CreateDirectory(root);

        // --no-update-check: for a package installed from a local .nupkg that no feed serves, the update
        // check writes a blank line to stderr, which would hide the template's own stderr output.
        var log = Path.Combine(root, "logs", "01-new.log");
        var result = await RunTemplateCommandAsync(
            root,
            [TemplateShortName, "-n", ExpectedLayout.ProjectName, "-o", solution, "--no-update-check", .. variant.CliArguments],
            log,
            CancellationToken.None);
        if (!result.Succeeded)
        {
            Assert.Fail(DotnetCli.FailureMessage($"dotnet new {TemplateShortName} failed for variant {variant.Name}", result, log));
        }

        return new VariantWorkspace(variant, root, solution, result, log, GeneratedTree.Capture(solution));
    }

    private async Task<BuildOutcome> RestoreAndBuildAsync(Variant variant)
    {
        var workspace = await InstantiateAsync(variant);

        var restoreLog = workspace.LogFile("02-restore");
        var restore = await DotnetCli.RunAsync(
            workspace.SolutionDirectory,
            ["restore", ExpectedLayout.SolutionFile],
            StepTimeouts.Restore,
            restoreLog,
            CancellationToken.None);
        if (!restore.Succeeded)
        {
            var unavailable = restore.TimedOut ? null : RestoreFailureClassifier.FindOnlyKnownMissingPackages(restore.CombinedOutput);
            if (unavailable is not null)
            {
                return BuildOutcome.Skipped(
                    workspace,
                    $"{variant.Name}: {string.Join(", ", unavailable.PackageIds)} cannot be restored from the configured NuGet sources " +
                    $"({string.Join(", ", unavailable.Codes)}); log: {restoreLog}");
            }

            Assert.Fail(DotnetCli.FailureMessage($"dotnet restore failed for variant {variant.Name}", restore, restoreLog));
        }

        var buildLog = workspace.LogFile("03-build");
        var build = await DotnetCli.RunAsync(
            workspace.SolutionDirectory,
            // NU1603 is the one warning the generated projects exempt themselves (Directory.Build.props): a mirror that
            // lacks Microsoft.Azure.Amqp 2.7.0 resolves 2.7.x instead.
            ["build", ExpectedLayout.SolutionFile, "-warnaserror", "-warnnotaserror:NU1603", "--no-restore"],
            StepTimeouts.Build,
            buildLog,
            CancellationToken.None);
        if (!build.Succeeded)
        {
            Assert.Fail(DotnetCli.FailureMessage($"dotnet build -warnaserror failed for variant {variant.Name}", build, buildLog));
        }

        return BuildOutcome.Built(workspace);
    }
}
