using System.Text;

namespace EdaTemplates.Tests.Infrastructure;

public sealed record ProcessResult(
    string CommandLine,
    string WorkingDirectory,
    int ExitCode,
    bool TimedOut,
    TimeSpan Timeout,
    TimeSpan Duration,
    string StandardOutput,
    string StandardError)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    public string CombinedOutput => StandardOutput + StandardError;

    /// <summary>Full report of the run, used both for log files and for failure messages.</summary>
    public string Describe()
    {
        var outcome = TimedOut
            ? $"TIMED OUT after {Timeout.TotalSeconds:0}s (process tree killed)"
            : $"exit code {ExitCode}";

        return new StringBuilder()
            .AppendLine($"$ {CommandLine}")
            .AppendLine($"  in: {WorkingDirectory}")
            .AppendLine($"  {outcome}, took {Duration.TotalSeconds:0.0}s")
            .AppendLine("----- stdout -----")
            .AppendLine(StandardOutput.TrimEnd())
            .AppendLine("----- stderr -----")
            .AppendLine(StandardError.TrimEnd())
            .AppendLine("------------------")
            .ToString();
    }
}
