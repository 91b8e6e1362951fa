using System.Diagnostics;
using System.Text;

namespace EdaTemplates.Soak.Setup;

/// <summary>Runs a command to completion, keeps its output in a log file, and fails with that output when it fails.</summary>
internal static class ProcessTool
{
    // A `dotnet test` running the soak sets these for its own MSBuild; a nested build must resolve its setup afresh.
    private static readonly string[] InheritedVariablesToDrop =
    [
        "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDENSURESTDOUTFORTASKPROCESSES", "MSBUILDFAILONDRIVEENUMERATINGWILDCARD", "_MSBUILDTLENABLED",
    ];

    public static readonly IReadOnlyDictionary<string, string?> DotnetEnvironment = new Dictionary<string, string?>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_UI_LANGUAGE"] = "en",
        // Reused MSBuild nodes would outlive the step while holding its output pipes.
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["MSBUILDTERMINALLOGGER"] = "off",
    };

    public static void ApplyEnvironment(ProcessStartInfo startInfo, IReadOnlyDictionary<string, string?> environment)
    {
        foreach (var name in InheritedVariablesToDrop)
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }
    }

    public static async Task<string> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, string logFile, TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null, bool failOnStandardError = false)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        ApplyEnvironment(startInfo, environment ?? new Dictionary<string, string?>());
        var commandLine = $"{fileName} {string.Join(' ', arguments)}";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {commandLine}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        // Build servers may inherit the pipes and keep them open: stop waiting for output after a grace period.
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(TimeSpan.FromSeconds(15)));
        var output = new StringBuilder()
            .AppendLine($"$ {commandLine}  (in {workingDirectory})")
            .AppendLine(stdout.IsCompleted ? stdout.Result : "(stdout not closed)")
            .AppendLine("----- stderr -----")
            .AppendLine(stderr.IsCompleted ? stderr.Result : "(stderr not closed)")
            .ToString();
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        await File.WriteAllTextAsync(logFile, output);

        var timedOut = cancel.IsCancellationRequested;
        var wroteStandardError = failOnStandardError && stderr.IsCompleted && stderr.Result.Trim().Length > 0;
        if (timedOut || process.ExitCode != 0 || wroteStandardError)
        {
            var why = timedOut ? $"timed out after {timeout}" : wroteStandardError ? "wrote to stderr" : $"exited with {process.ExitCode}";
            throw new InvalidOperationException($"`{commandLine}` {why} (log: {logFile}){Environment.NewLine}{output}");
        }

        return stdout.Result;
    }
}
