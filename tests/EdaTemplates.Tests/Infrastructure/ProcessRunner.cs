using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace EdaTemplates.Tests.Infrastructure;

public sealed record ProcessRequest(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    TimeSpan Timeout)
{
    /// <summary>Variables to set for the child; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}

public static class ProcessRunner
{
    // Build servers started by a child (e.g. the Roslyn compiler server) can inherit its stdout/stderr
    // and keep the pipes open long after the child exits, so stop waiting for output after this grace period.
    private static readonly TimeSpan OutputDrainGracePeriod = TimeSpan.FromSeconds(15);

    public static async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(request.FileName)
        {
            WorkingDirectory = request.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in request.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in request.Environment)
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

        var commandLine = FormatCommandLine(request);
        using var process = new Process { StartInfo = startInfo };
        var stopwatch = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start `{commandLine}` in {request.WorkingDirectory}: {exception.Message}", exception);
        }

        // Nothing the harness runs may wait for input: CI has no stdin.
        process.StandardInput.Close();
        var stdout = new PipeCollector(process.StandardOutput);
        var stderr = new PipeCollector(process.StandardError);

        var timedOut = false;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(request.Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
            }
        }

        await Task.WhenAll(stdout.WaitAsync(OutputDrainGracePeriod), stderr.WaitAsync(OutputDrainGracePeriod));
        stopwatch.Stop();

        return new ProcessResult(
            commandLine,
            request.WorkingDirectory,
            process.ExitCode,
            timedOut,
            request.Timeout,
            stopwatch.Elapsed,
            stdout.Text,
            stderr.Text);
    }

    private static string FormatCommandLine(ProcessRequest request) =>
        string.Join(' ', request.Arguments.Prepend(request.FileName).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=@,+%".Contains(c))
            ? argument
            : $"'{argument.Replace("'", "'\\''")}'";

    /// <summary>Reads a pipe in chunks so that whatever arrived is available even if the pipe never closes.</summary>
    private sealed class PipeCollector
    {
        private readonly StringBuilder buffer = new();
        private readonly Task reading;

        public PipeCollector(StreamReader reader) => reading = ReadAsync(reader);

        public string Text
        {
            get
            {
                lock (buffer)
                {
                    return buffer.ToString();
                }
            }
        }

        public async Task WaitAsync(TimeSpan gracePeriod)
        {
            if (await Task.WhenAny(reading, Task.Delay(gracePeriod)) != reading)
            {
                Append($"{Environment.NewLine}[harness: output still open {gracePeriod.TotalSeconds:0}s after exit; stopped reading]{Environment.NewLine}");
            }
        }

        private async Task ReadAsync(StreamReader reader)
        {
            var chunk = new char[4096];
            try
            {
                int read;
                while ((read = await reader.ReadAsync(chunk, CancellationToken.None)) > 0)
                {
                    Append(new string(chunk, 0, read));
                }
            }
            catch (Exception exception) when (exception is ObjectDisposedException or IOException)
            {
                // The process was disposed while a leaked grandchild still held the pipe; what was read is kept.
            }
        }

        private void Append(string text)
        {
            lock (buffer)
            {
                buffer.Append(text);
            }
        }
    }
}
