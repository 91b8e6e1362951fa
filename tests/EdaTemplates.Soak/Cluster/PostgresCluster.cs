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

    public async Task StartAsync()
    {
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start"], "start");
        IsRunning = true;
    }

    /// <summary>An immediate stop: every session is cut off at once, as when the server crashes or the network is gone.</summary>
    public async Task StopAsync()
    {
        IsRunning = false;
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], "stop");
    }

    public async Task DestroyAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], "final-stop");
            }
        }
        catch (InvalidOperationException)
        {
            // Already stopped; nothing to clean up but the files.
        }

        IsRunning = false;
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
