using System.Diagnostics;
using EdaTemplates.Soak.Setup;

namespace EdaTemplates.Soak.Service;

/// <summary>
/// One instance of the generated service, run as a real process (`dotnet Soak.dll`) configured by environment variables.
/// It can be SIGKILLed and started again; its JSON log goes to a file and is read as it is written.
/// </summary>
internal sealed class ServiceProcess(string name, string dll, IReadOnlyDictionary<string, string?> environment, string logDirectory, ServiceLog log)
{
    private Process? _process;
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private StreamWriter? _logFile;
    private volatile int _exitExpectedOfStart;
    private readonly List<string> _unexpectedExits = [];

    public string Name { get; } = name;

    public int Starts { get; private set; }

    public int Kills { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    public DateTimeOffset ReadyAt { get; private set; }

    /// <summary>Exits the soak did not cause: a crash of the service is a finding, not noise.</summary>
    public IReadOnlyList<string> UnexpectedExits
    {
        get
        {
            lock (_unexpectedExits)
            {
                return [.. _unexpectedExits];
            }
        }
    }

    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }

        Starts++;
        _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Directory.CreateDirectory(logDirectory);
        _logFile = new StreamWriter(Path.Combine(logDirectory, $"{Name}-{Starts:00}.log")) { AutoFlush = true };
        var startInfo = TiedChildren.StartInfo("dotnet", [dll]);
        startInfo.WorkingDirectory = Path.GetDirectoryName(dll)!;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        ProcessTool.ApplyEnvironment(startInfo, environment);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var writer = _logFile;
        var ready = _ready;
        process.OutputDataReceived += (_, e) => OnLine(e.Data, writer, ready);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, writer, ready);
        var start = Starts;
        process.Exited += (_, _) =>
        {
            ready.TrySetException(new InvalidOperationException($"{Name} exited before it was ready; see {logDirectory}"));
            if (_exitExpectedOfStart != start)
            {
                lock (_unexpectedExits)
                {
                    _unexpectedExits.Add($"{Name} (start {start}) exited by itself with code {process.ExitCode}; see its log in {logDirectory}");
                }
            }
        };
        TiedChildren.Start(process);
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    public async Task WaitReadyAsync(TimeSpan timeout) => await _ready.Task.WaitAsync(timeout);

    /// <summary>SIGKILL: no shutdown code runs, in-flight transactions are cut off.</summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        _exitExpectedOfStart = Starts;
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
        Kills++;
        CloseLog();
    }

    /// <summary>SIGTERM: the host stops gracefully (Rebus finishes in-flight messages).</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        var process = _process;
        if (process is null || process.HasExited)
        {
            return;
        }

        _exitExpectedOfStart = Starts;

        Signals.Send(process, Signal.Term);
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        CloseLog();
    }

    /// <summary>SIGSTOP, then SIGCONT when the returned handle is disposed: the process stands still, as in a long GC pause.</summary>
    public IDisposable Pause()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} was never started.");
        Signals.Send(process, Signal.Stop);
        return new Resume(process);
    }

    private sealed class Resume(Process process) : IDisposable
    {
        public void Dispose() => Signals.Send(process, Signal.Cont);
    }

    private void OnLine(string? line, StreamWriter writer, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            try
            {
                writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process was killed and its log closed while the last lines were still arriving.
            }
        }

        if (ServiceLogLine.Parse(line) is not { } parsed)
        {
            return;
        }

        if (parsed.IsApplicationStarted)
        {
            ReadyAt = DateTimeOffset.UtcNow;
            ready.TrySetResult();
        }

        log.Record(Name, parsed);
    }

    private void CloseLog()
    {
        var writer = _logFile;
        if (writer is null)
        {
            return;
        }

        lock (writer)
        {
            writer.Dispose();
        }

        _logFile = null;
    }
}
