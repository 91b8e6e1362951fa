namespace EdaService.BenchDriver;

/// <summary>The runner's instructions for one measurement.</summary>
internal sealed record DriverArguments(
    string Mode, string Transport, string ConnectionString, int Messages, TimeSpan WarmUpLimit, TimeSpan WarmUpMinimum, IReadOnlyDictionary<string, string?> Settings)
{
    public bool InMemory => Transport == "inmemory";

    public static DriverArguments Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("Usage: throughput|flood --transport inmemory|database --connection CS --messages N [--warm-up-seconds S (throughput)] [--min-warm-up-seconds S] [--set Key=Value ...]");
        }

        string transport = "database", connection = "";
        var messages = 1000;
        int? warmUpSeconds = null;
        var minWarmUpSeconds = 0;
        var settings = new Dictionary<string, string?>();
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--transport": transport = value; break;
                case "--connection": connection = value; break;
                case "--messages": messages = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--warm-up-seconds": warmUpSeconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--min-warm-up-seconds": minWarmUpSeconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "--set":
                    var equals = value.IndexOf('=');
                    settings[value[..equals]] = value[(equals + 1)..];
                    break;
                default: throw new ArgumentException($"Unknown argument {args[i]}.");
            }

            i++;
        }

        if (transport is not ("inmemory" or "database"))
        {
            throw new ArgumentException($"--transport must be inmemory or database, not '{transport}'.");
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException("--connection is required: a PostgreSQL database the run may fill.");
        }

        // No default here: the runner decides (full or quick run), so the limit is written in one place.
        if (args[0] == "throughput" && warmUpSeconds is null)
        {
            throw new ArgumentException("--warm-up-seconds is required for a throughput run.");
        }

        return new DriverArguments(args[0], transport, connection, messages, TimeSpan.FromSeconds(warmUpSeconds ?? 0), TimeSpan.FromSeconds(minWarmUpSeconds), settings);
    }
}
