using System.Globalization;
using System.Text.Json;
using EdaTemplates.Benchmarks;

// Measures the generated service (PostgreSQL, Database transport and in-memory transport) against its ceilings and a
// plain Rebus baseline, and prints one markdown table. Figures, never assertions: targets are checked and printed.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

Directory.CreateDirectory(options.WorkDirectory);
var repositoryRoot = FindRepositoryRoot();
var server = new PostgresServer(options.ServerConnectionString);
var variants = new GeneratedVariants(repositoryRoot, options.WorkDirectory);
var failures = new List<string>();
var details = new Dictionary<string, object?>();
var loadAtStart = Machine.LoadAverage();
var (pgVersion, pgSettings) = await server.DescribeAsync();
Log($"work directory {options.WorkDirectory}; {(options.Quick ? "quick" : "full")} run");

async Task<T?> Measure<T>(string what, Func<Task<T>> measure)
    where T : struct
{
    Log($"{what}...");
    try
    {
        var value = await measure();
        Log($"{what}: {value}");
        return value;
    }
    catch (Exception exception)
    {
        failures.Add($"{what}: {exception.Message}");
        Log($"{what} FAILED: {exception}");
        return null;
    }
}

async Task<T> WithDatabase<T>(string purpose, Func<string, Task<T>> measure)
{
    var database = await server.CreateDatabaseAsync(purpose);
    try
    {
        return await measure(database);
    }
    finally
    {
        await server.DropDatabaseAsync(database);
    }
}

string? allOn = null, allOff = null;
await Measure("pack, generate and build all-on and all-off", async () =>
{
    await variants.InstallPackAsync();
    allOn = await variants.BuildDriverAsync("all-on", GeneratedVariants.AllOn);
    allOff = await variants.BuildDriverAsync("all-off", GeneratedVariants.AllOff);
    return true;
});
var concurrency = allOn is null ? 8 : variants.ConfiguredMaxParallelism("all-on");

// Opt-in (--per-switch): one building block on at a time, in-memory transport: where all on's cost comes from.
var drivers = new Dictionary<string, string>();
var perSwitchConfigurations = new List<(string Variant, string Transport)>();
if (options.PerSwitch && allOn is not null)
{
    foreach (var building in GeneratedVariants.Switches)
    {
        var name = $"only-{building}";
        await Measure($"generate and build {name}", async () =>
        {
            drivers[name] = await variants.BuildDriverAsync(name, GeneratedVariants.OnlyOn(building));
            return true;
        });
        perSwitchConfigurations.Add((name, "inmemory"));
    }
}

if (allOn is not null && allOff is not null)
{
    drivers["all-on"] = allOn;
    drivers["all-off"] = allOff;
}

// Interleaved rounds: a burst of load from other processes lands on every configuration, not on one. The per-switch
// runs take their turns in the same rounds, so each is compared with the all-off runs measured next to it.
var configurations = new List<(string Variant, string Transport)> { ("all-on", "inmemory"), ("all-off", "inmemory"), ("all-on", "database"), ("all-off", "database") };
configurations.AddRange(perSwitchConfigurations.Where(c => drivers.ContainsKey(c.Variant)));
var throughput = configurations.ToDictionary(c => c, _ => new List<double>());
var statementsPerMessage = new Dictionary<(string, string), double>();
var cpuPerMessage = configurations.ToDictionary(c => c, _ => new List<double>());
var warmUpMessages = configurations.ToDictionary(c => c, _ => new List<double>());
for (var round = 1; round <= options.Rounds && allOn is not null && allOff is not null; round++)
{
    foreach (var (variant, transport) in configurations)
    {
        var result = await Measure($"round {round}: {variant} on {transport}", () => WithDatabase("tp", database => DriverRun.RunAsync(
            drivers[variant],
            ["throughput", "--transport", transport, "--connection", database, "--messages", $"{options.Messages}",
             "--warm-up-seconds", $"{options.WarmUpSeconds}", "--min-warm-up-seconds", $"{options.MinWarmUpSeconds}"],
            Path.Combine(options.WorkDirectory, "logs", $"driver-{variant}-{transport}-{round}.log"),
            TimeSpan.FromMinutes(30))));
        if (result is { } json)
        {
            throughput[(variant, transport)].Add(json.GetProperty("messagesPerSecond").GetDouble());
            cpuPerMessage[(variant, transport)].Add(json.GetProperty("clientCpuMsPerMessage").GetDouble() + json.GetProperty("serverCpuMsPerMessage").GetDouble());
            warmUpMessages[(variant, transport)].Add(json.GetProperty("warmUpMessages").GetDouble());
            if (json.GetProperty("statementsPerMessage").ValueKind == JsonValueKind.Number)
            {
                statementsPerMessage[(variant, transport)] = json.GetProperty("statementsPerMessage").GetDouble();
            }

            details[$"{variant}-{transport}-round{round}"] = json;
        }
    }
}

// Null for a configuration that never ran (its variant failed to build) or whose every run failed.
double? Median((string, string) configuration) =>
    throughput.TryGetValue(configuration, out var values) && values.Count > 0 ? values.Order().ElementAt(values.Count / 2) : null;

var dotnetCeiling = await Measure("Npgsql one-insert ceiling", () => WithDatabase("npgsql", database =>
    InsertCeiling.DotnetAsync(database, concurrency, options.CeilingDuration)));
var pgbench = await Measure("pgbench one-insert ceiling", () => WithDatabase("pgbench", database =>
    InsertCeiling.PgBenchAsync(database, concurrency, options.CeilingDuration, options.WorkDirectory)));
var baseline = await Measure("plain Rebus, Rebus.PostgreSql transport, defaults", () => WithDatabase("plain", database =>
    PlainRebusBaseline.RunAsync(database, options.BaselineMessages)));

JsonElement? flood = allOn is null ? null : await Measure("poison flood", () => WithDatabase("flood", database => DriverRun.RunAsync(
    allOn,
    ["flood", "--transport", "database", "--connection", database, "--messages", $"{options.FloodMessages}"],
    Path.Combine(options.WorkDirectory, "logs", "driver-flood.log"),
    TimeSpan.FromMinutes(40))));
details["flood"] = flood;

var scaffold = await Measure("scaffold cost", async () => await ScaffoldCost.RunAsync(variants, options.WorkDirectory));

var onMemory = Median(("all-on", "inmemory"));
var offMemory = Median(("all-off", "inmemory"));
var onDatabase = Median(("all-on", "database"));
var offDatabase = Median(("all-off", "database"));
string PerRun((string, string) configuration) =>
    $"{options.Messages:N0} messages, median of {options.Rounds}" +
    (warmUpMessages[configuration] is { Count: > 0 } warm
        ? $", each after a warm-up of {(warm.Min() == warm.Max() ? $"{warm.Min():N0}" : $"{warm.Min():N0}-{warm.Max():N0}")} messages " +
          (options.Quick ? "(quick mode: cut short)" : "(until the JIT settled)")
        : "") +
    CostNote(cpuPerMessage[configuration] is { Count: > 0 } cpu ? cpu.Order().ElementAt(cpu.Count / 2) : null,
        statementsPerMessage.TryGetValue(configuration, out var count) ? count : null, " (service + its PostgreSQL backends)");

// What a message cost: CPU (service and its PostgreSQL backends) and SQL statements, where measured.
static string CostNote(double? cpuMs, double? statements, string cpuWhose = "") =>
    (cpuMs is { } cpu ? $"; {cpu.ToString("0.00", CultureInfo.InvariantCulture)} ms CPU per message{cpuWhose}" : "") +
    (statements is { } count ? $"; {count.ToString("0.0", CultureInfo.InvariantCulture)} SQL statements per message" : "");

var header = new List<string>
{
    $"Benchmarks, {(options.Quick ? "quick mode (harness check, not figures to quote)" : "full run")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC",
    "",
    $"- Machine: {Machine.Describe()}; load average {loadAtStart} at the start, {Machine.LoadAverage()} at the end",
    $"- Server: {pgVersion} on the same machine ({pgSettings})",
    $"- Service: generated `--transport Database --database PostgreSql`, its default Messaging settings (4 workers, " +
    $"max parallelism {concurrency}, millisecond backoff), log level Warning; ceilings at {concurrency} concurrent transactions",
};
var table = new ResultTable(header);
table.Add(new ResultRow("All on, in-memory transport", onMemory, "msg/s", Note: PerRun(("all-on", "inmemory"))));
table.Add(new ResultRow("All off, in-memory transport", offMemory, "msg/s", Note: PerRun(("all-off", "inmemory"))));
table.Add(ResultTable.Ratio("All on ÷ all off, in-memory transport", onMemory, offMemory, atLeast: 0.8));
foreach (var configuration in perSwitchConfigurations)
{
    var building = configuration.Variant["only-".Length..];
    table.Add(ResultTable.Ratio($"Only `--{building}` on ÷ all off, in-memory transport", Median(configuration), offMemory, note:
        Median(configuration) is { } figure
            ? $"{figure.ToString("N0", CultureInfo.InvariantCulture)} msg/s; " + PerRun(configuration)
            : "failed, see the log"));
}

table.Add(new ResultRow("All on, Database transport", onDatabase, "msg/s", Note: PerRun(("all-on", "database"))));
table.Add(new ResultRow("All off, Database transport", offDatabase, "msg/s", Note: PerRun(("all-off", "database"))));
table.Add(ResultTable.Ratio("All on ÷ all off, Database transport", onDatabase, offDatabase, atLeast: 0.8));
table.Add(new ResultRow(".NET ceiling: Npgsql open, begin, insert, commit", dotnetCeiling, "tx/s", Note: $"{concurrency} tasks, {options.CeilingDuration.TotalSeconds:0} s"));
table.Add(new ResultRow("Server ceiling: pgbench, one insert per transaction", pgbench, "tx/s", Note: $"{concurrency} clients, {options.CeilingDuration.TotalSeconds:0} s"));
table.Add(ResultTable.Ratio("All on, in-memory ÷ .NET ceiling", onMemory, dotnetCeiling, atLeast: 0.6));
table.Add(ResultTable.Ratio("All on, in-memory ÷ pgbench", onMemory, pgbench));
table.Add(ResultTable.Ratio("All on, Database transport ÷ .NET ceiling", onDatabase, dotnetCeiling));
table.Add(ResultTable.Ratio("All on, Database transport ÷ pgbench", onDatabase, pgbench));
table.Add(new ResultRow("Plain Rebus handler (one insert), Rebus.PostgreSql transport, Rebus defaults", baseline, "msg/s", Note: $"{options.BaselineMessages:N0} messages; 1 worker, parallelism 5, default backoff"));
table.Add(ResultTable.Ratio("All on, Database transport ÷ plain Rebus defaults", onDatabase, baseline, atLeast: 4));
if (flood is { } f)
{
    var bound = f.GetProperty("failureThreshold").GetInt32() + f.GetProperty("maxParallelism").GetInt32();
    var deadLetters = f.GetProperty("deadLetters").GetInt64();
    table.Add(new ResultRow(
        $"Kill switch: dead letters in a {options.FloodMessages:N0}-message poison flood", deadLetters, "messages", $"≤ {bound}", deadLetters <= bound,
        $"Database transport; threshold {f.GetProperty("failureThreshold").GetInt32()} + {f.GetProperty("maxParallelism").GetInt32()} in flight " +
        $"({f.GetProperty("workers").GetInt32()} workers); stopped after {f.GetProperty("failedAttempts").GetInt32()} failed attempts in " +
        $"{f.GetProperty("secondsToStop").GetDouble().ToString("0.0", CultureInfo.InvariantCulture)} s, {f.GetProperty("waiting").GetInt64():N0} left in the queue"));
}
else
{
    table.Add(new ResultRow($"Kill switch: dead letters in a {options.FloodMessages:N0}-message poison flood", null, "messages", Note: "failed, see the log"));
}

table.Add(new ResultRow("Scaffold: `dotnet new eda-service` + `dotnet build`", scaffold?.Eda.TotalSeconds, "s",
    Note: scaffold is { } s1 ? $"new {s1.Eda.NewSeconds:0.0} s + build {s1.Eda.BuildSeconds:0.0} s; warm NuGet cache" : ""));
table.Add(new ResultRow("Scaffold: `dotnet new worker` + `dotnet build`", scaffold?.Worker.TotalSeconds, "s",
    Note: scaffold is { } s2 ? $"new {s2.Worker.NewSeconds:0.0} s + build {s2.Worker.BuildSeconds:0.0} s; warm NuGet cache" : ""));
table.Add(ResultTable.Ratio("Scaffold: eda-service ÷ worker", scaffold?.Eda.TotalSeconds, scaffold?.Worker.TotalSeconds));

var markdown = table.ToMarkdown();
Console.WriteLine();
Console.WriteLine(markdown);
await File.WriteAllTextAsync(options.MarkdownFile ?? Path.Combine(options.WorkDirectory, "results.md"), markdown);
await File.WriteAllTextAsync(options.JsonFile ?? Path.Combine(options.WorkDirectory, "results.json"), table.ToJson(details));
foreach (var failure in failures)
{
    Console.Error.WriteLine($"benchmark failed: {failure}");
}

return failures.Count == 0 ? 0 : 1;

static void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "EdaTemplates.csproj")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException($"No EdaTemplates.csproj in {AppContext.BaseDirectory} or above: run from the repository.");
}
