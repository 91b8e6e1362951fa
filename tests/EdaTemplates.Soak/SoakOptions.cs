using System.Globalization;

namespace EdaTemplates.Soak;

/// <summary>The soak's knobs; the defaults are the documented run (10,000 messages, 20 kills, a 30 s outage).</summary>
public sealed record SoakOptions
{
    public int Messages { get; init; } = 10_000;

    public int Kills { get; init; } = 20;

    /// <summary>OrderPlaced plus this many minus one OrderAmended per order.</summary>
    public int VersionsPerOrder { get; init; } = 5;

    public TimeSpan Outage { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>KillSwitch:CoolDown for the service: shorter than the outage, so a probe fails before one succeeds.</summary>
    public TimeSpan KillSwitchCoolDown { get; init; } = TimeSpan.FromSeconds(20);

    public bool SecondInstance { get; init; } = true;

    /// <summary>
    /// The queues in the business database (the Database transport's default) instead of a cluster of their own: outgoing
    /// messages then go straight into the queue table in the business transaction, not through the outbox. An outage
    /// would stop the queues too, so this mode runs without one.
    /// </summary>
    public bool SharedDatabase { get; init; }

    public int Seed { get; init; } = Random.Shared.Next(1, 1_000_000);

    /// <summary>First port to try for the two PostgreSQL clusters.</summary>
    public int PortBase { get; init; } = 55441;

    /// <summary>How long the end state may stay unchanged before the soak stops waiting and verifies.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public string? WorkDirectory { get; init; }

    public bool KeepWorkDirectory { get; init; }

    /// <summary>Messages allowed to wait in the input queue before the feeder holds back.</summary>
    public int MaxBacklog => Math.Clamp(Messages / 20, 50, 500);

    public const string Usage = """
        Usage: dotnet run --project tests/EdaTemplates.Soak -c Release -- [options]
          --messages N          messages to send (default 10000)
          --kills K             SIGKILLs of a service instance (default 20)
          --versions V          versions per order: OrderPlaced + V-1 OrderAmended (default 5)
          --outage-seconds S    how long the business database is stopped (default 30; 0 skips the outage)
          --cool-down-seconds C KillSwitch:CoolDown of the service (default 20)
          --single-instance     no second instance competing on the queue
          --shared-database     queues in the business database (no outbox; needs --outage-seconds 0)
          --seed X              random seed (kill moments, ids); printed in the summary
          --port P              first port for the PostgreSQL clusters (default 55441)
          --drain-timeout-seconds S  wait this long without progress before verifying (default 120)
          --work DIR            work directory (default: a new one under the temp directory)
          --keep                keep the work directory (logs, databases' files) afterwards
        """;

    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");
            options = args[i] switch
            {
                "--messages" => options with { Messages = Number() },
                "--kills" => options with { Kills = Number() },
                "--versions" => options with { VersionsPerOrder = Number() },
                "--outage-seconds" => options with { Outage = TimeSpan.FromSeconds(Number()) },
                "--cool-down-seconds" => options with { KillSwitchCoolDown = TimeSpan.FromSeconds(Number()) },
                "--single-instance" => options with { SecondInstance = false },
                "--shared-database" => options with { SharedDatabase = true },
                "--seed" => options with { Seed = Number() },
                "--port" => options with { PortBase = Number() },
                "--drain-timeout-seconds" => options with { DrainTimeout = TimeSpan.FromSeconds(Number()) },
                "--work" => options with { WorkDirectory = Value() },
                "--keep" => options with { KeepWorkDirectory = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        if (options.Messages < 1 || options.VersionsPerOrder < 1 || options.Kills < 0 || options.KillSwitchCoolDown < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"--messages and --versions must be at least 1, --kills at least 0, --cool-down-seconds at least 1.\n{Usage}");
        }

        if (options.SharedDatabase && options.Outage > TimeSpan.Zero)
        {
            throw new ArgumentException($"--shared-database needs --outage-seconds 0: stopping the business database would stop the queues too.\n{Usage}");
        }

        return options;
    }
}
