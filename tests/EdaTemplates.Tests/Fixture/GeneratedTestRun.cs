using EdaTemplates.Tests.Infrastructure;
using EdaTemplates.Tests.Results;

namespace EdaTemplates.Tests.Fixture;

/// <summary>A `dotnet test` run of one of the generated solution's test projects, with its TRX counters.</summary>
public sealed record GeneratedTestRun(ProcessResult Process, string LogFile, string TrxFile, TrxResult? Counts)
{
    public static async Task<GeneratedTestRun> RunAsync(
        VariantWorkspace workspace,
        string testProject,
        string step,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var logFile = workspace.LogFile(step);
        var trxFile = Path.Combine(workspace.LogDirectory, $"{step}.trx");
        if (File.Exists(trxFile))
        {
            File.Delete(trxFile);
        }

        var process = await DotnetCli.RunAsync(
            workspace.SolutionDirectory,
            ["test", testProject, "--no-build", "--logger", $"trx;LogFileName={Path.GetFileName(trxFile)}", "--results-directory", workspace.LogDirectory],
            timeout,
            logFile,
            cancellationToken,
            environment);

        var counts = File.Exists(trxFile) ? TrxResult.Load(trxFile) : null;
        return new GeneratedTestRun(process, logFile, trxFile, counts);
    }

    public string FailureMessage(string what) =>
        DotnetCli.FailureMessage(
            $"{what}; counts: {Counts?.ToString() ?? $"no TRX written at {TrxFile}"}",
            Process,
            LogFile);
}
