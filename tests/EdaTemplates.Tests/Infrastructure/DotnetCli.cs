namespace EdaTemplates.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI the same way for every step and keeps a log file of each run.</summary>
public static class DotnetCli
{
    private static readonly IReadOnlyDictionary<string, string?> BaseEnvironment = new Dictionary<string, string?>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        // Messages are matched as text (restore errors, option validation), so keep them in English.
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
        // Reused MSBuild nodes would outlive the step while holding its output pipes.
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["MSBUILDTERMINALLOGGER"] = "off",
    };

    // The `dotnet test` running this harness sets these for its own MSBuild and the test host inherits
    // them; a nested dotnet command should resolve its MSBuild setup afresh, as it would from a shell.
    private static readonly string[] InheritedVariablesToDrop =
    [
        "MSBuildExtensionsPath",
        "MSBuildSDKsPath",
        "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDENSURESTDOUTFORTASKPROCESSES",
        "MSBUILDFAILONDRIVEENUMERATINGWILDCARD",
        "_MSBUILDTLENABLED",
    ];

    public static async Task<ProcessResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        string logFile,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var childEnvironment = new Dictionary<string, string?>(BaseEnvironment);
        foreach (var name in InheritedVariablesToDrop)
        {
            childEnvironment[name] = null;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            childEnvironment[name] = value;
        }

        var request = new ProcessRequest("dotnet", arguments, workingDirectory, timeout) { Environment = childEnvironment };
        var result = await ProcessRunner.RunAsync(request, cancellationToken);

        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        await File.WriteAllTextAsync(logFile, result.Describe(), CancellationToken.None);
        return result;
    }

    /// <summary>A failure message carrying the complete output and where the log was written.</summary>
    public static string FailureMessage(string what, ProcessResult result, string logFile) =>
        $"{what} (log: {logFile}){Environment.NewLine}{result.Describe()}";
}
