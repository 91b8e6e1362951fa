using System.Diagnostics;

namespace EdaService.BenchDriver;

/// <summary>
/// CPU time spent by this process and by the PostgreSQL backends serving its database. On a busy machine wall-clock
/// throughput follows whoever else is running; CPU per message shows what the service itself costs.
/// </summary>
internal sealed class CpuMeter
{
    private readonly string _database;
    private readonly TimeSpan _clientStart;
    private readonly double _serverStart;

    public CpuMeter(string connectionString)
    {
        _database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database ?? "";
        _clientStart = Process.GetCurrentProcess().TotalProcessorTime;
        _serverStart = ServerSeconds();
    }

    public (double ClientMilliseconds, double ServerMilliseconds) Elapsed() =>
        ((Process.GetCurrentProcess().TotalProcessorTime - _clientStart).TotalMilliseconds, (ServerSeconds() - _serverStart) * 1000);

    /// <summary>utime + stime of the backends whose title names the database (Linux only; 0 elsewhere).</summary>
    private double ServerSeconds()
    {
        if (!OperatingSystem.IsLinux() || _database.Length == 0)
        {
            return 0;
        }

        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var title = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (!title.StartsWith("postgres:", StringComparison.Ordinal) || !title.Contains($" {_database} ", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the command name in parentheses: state is field 3, utime 14, stime 15.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return ticks / 100.0; // USER_HZ is 100 on Linux
    }
}
