namespace EdaTemplates.Benchmarks;

/// <summary>What to measure and how much: the full table, or `--quick`, which only proves the harness works.</summary>
public sealed record BenchmarkOptions(
    bool Quick,
    int? MessagesOverride,
    int? RoundsOverride,
    string ServerConnectionString,
    string WorkDirectory,
    string? MarkdownFile,
    string? JsonFile,
    bool PerSwitch = false)
{
    public const string ConnectionVariable = "EDA_BENCH_CONNECTION_STRING";

    /// <summary>Messages per throughput run (after a warm-up the driver sends first).</summary>
    public int Messages => MessagesOverride ?? (Quick ? 300 : 10_000);

    /// <summary>Rounds of the service runs (four, and one per switch with --per-switch), interleaved so that noise from other processes hits all of them; the median counts.</summary>
    public int Rounds => RoundsOverride ?? (Quick ? 1 : 3);

    /// <summary>The size of the poison flood the issue asks about.</summary>
    public int FloodMessages => Quick ? 1_000 : 10_000;

    /// <summary>Messages for the plain-Rebus baseline, which is slow with Rebus's default backoff.</summary>
    public int BaselineMessages => Quick ? 200 : 2_000;

    /// <summary>
    /// The longest warm-up before a throughput run: the driver warms the service up until the JIT has settled (on 2 busy
    /// cores that takes 20-40 s); quick mode stops early, so its figures are measured on a service still compiling.
    /// </summary>
    public int WarmUpSeconds => Quick ? 5 : 180;

    /// <summary>
    /// The shortest warm-up of a full run: the JIT's tiering has not begun in the first seconds, so a quiet spell there
    /// is not the settled service (see the driver's ThroughputRun).
    /// </summary>
    public int MinWarmUpSeconds => Quick ? 0 : 20;

    public TimeSpan CeilingDuration => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(10);

    public static BenchmarkOptions Parse(string[] args)
    {
        var quick = false;
        var perSwitch = false;
        string? connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        string? work = null, markdown = null, json = null;
        int? messages = null, rounds = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--quick": quick = true; break;
                case "--per-switch": perSwitch = true; break;
                case "--connection": connection = Value(); break;
                case "--work": work = Value(); break;
                case "--markdown": markdown = Value(); break;
                case "--json": json = Value(); break;
                case "--messages": messages = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "-h" or "--help":
                    throw new ArgumentException(Usage);
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.{Environment.NewLine}{Usage}");
            }
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException(
                $"No PostgreSQL server: pass --connection or set {ConnectionVariable} (tests/run-benchmarks.sh starts a private one).{Environment.NewLine}{Usage}");
        }

        work ??= Path.Combine(Path.GetTempPath(), "eda-templates-bench", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        return new BenchmarkOptions(quick, messages, rounds, connection, Path.GetFullPath(work), markdown, json, perSwitch);
    }

    public const string Usage =
        "Usage: dotnet run -c Release --project tests/EdaTemplates.Benchmarks -- [--quick] [--per-switch] [--messages N] [--rounds N] [--connection CS] [--work DIR] [--markdown FILE] [--json FILE]";
}
