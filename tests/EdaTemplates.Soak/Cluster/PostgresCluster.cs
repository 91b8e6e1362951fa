using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EdaTemplates.Soak.Setup;

namespace EdaTemplates.Soak.Cluster;

/// <summary>
/// A throwaway PostgreSQL cluster the soak owns, so it can stop and start it. PostgreSQL refuses to run as root, so as
/// root its tools run as the postgres user (as in tests/run-tests.sh).
/// </summary>
internal sealed class PostgresCluster(string name, string binaries, string directory, int port)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    public string Name { get; } = name;

    public int Port { get; } = port;

    private Process? _server;
    private StreamWriter? _log;

    public bool IsRunning { get; private set; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password=postgres;Database=postgres;Timeout=5;Maximum Pool Size=50";

    private string DataDirectory => Path.Combine(directory, "data");

    public static int FreePort(int from, ISet<int> taken)
    {
        for (var port = from; port < from + 200; port++)
        {
            if (!taken.Contains(port) && IsFree(port))
            {
                taken.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException($"No free port in {from}-{from + 199} for PostgreSQL.");
    }

    public async Task InitAndStartAsync()
    {
        Directory.CreateDirectory(directory);
        if (Environment.IsPrivilegedProcess)
        {
            await ProcessTool.RunAsync("chown", ["postgres:postgres", directory], directory, Log("chown"), CommandTimeout);
        }

        await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"], "initdb");
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{directory}'
            max_connections = 300
            # A throwaway cluster. fsync is off: it only protects against an operating-system crash, which the soak does
            # not simulate. synchronous_commit stays on: outages are immediate stops (a server crash), and with it off
            # the last commits a client was told about vanish with them; the soak caught that as "lost" messages.
            fsync = off
            full_page_writes = off

            """);
        await StartAsync();
    }

    /// <summary>
    /// Runs the server in the foreground as the soak's own child, not daemonized by pg_ctl, so that it dies with the
    /// soak (<see cref="TiedChildren"/>): a cluster left running would hold its port and serve stray clients.
    /// </summary>
    public async Task StartAsync()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StreamWriter(Path.Combine(directory, "server.log"), append: true) { AutoFlush = true };
        var startInfo = TiedChildren.StartInfo(Path.Combine(binaries, "postgres"), ["-D", DataDirectory],
            Environment.IsPrivilegedProcess ? "postgres" : null);
        startInfo.WorkingDirectory = directory;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var server = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.WriteLine(line);
            }

            if (line.Contains("database system is ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        server.OutputDataReceived += (_, e) => OnLine(e.Data);
        server.ErrorDataReceived += (_, e) => OnLine(e.Data);
        server.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            $"PostgreSQL ({Name}, port {Port}) exited with {server.ExitCode} before it accepted connections; see {Path.Combine(directory, "server.log")}"));
        TiedChildren.Start(server);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        _server = server;
        _log = log;
        await ready.Task.WaitAsync(CommandTimeout);
        IsRunning = true;
    }

    /// <summary>An immediate stop (SIGQUIT, as `pg_ctl -m immediate`): every session is cut off at once, as when the server crashes or the network is gone.</summary>
    public async Task StopAsync()
    {
        IsRunning = false;
        if (_server is not { HasExited: false } server)
        {
            return;
        }

        Signals.Send(server, Signal.Quit);
        try
        {
            await server.WaitForExitAsync().WaitAsync(CommandTimeout);
        }
        catch (TimeoutException)
        {
            server.Kill();
            await server.WaitForExitAsync();
        }

        // Once the server has exited and its output was read to the end, no line can still come.
        await _log!.DisposeAsync();
    }

    public async Task DestroyAsync()
    {
        await StopAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private Task RunAsync(string tool, IReadOnlyList<string> arguments, string step)
    {
        var executable = Path.Combine(binaries, tool);
        return Environment.IsPrivilegedProcess
            ? ProcessTool.RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], directory, Log(step), CommandTimeout)
            : ProcessTool.RunAsync(executable, arguments, directory, Log(step), CommandTimeout);
    }

    private string Log(string step) => Path.Combine(directory, "logs", $"{step}-{DateTime.UtcNow:HHmmss.fff}.log");

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
