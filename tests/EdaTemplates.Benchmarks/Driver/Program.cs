using System.Text.Json;
using EdaService.BenchDriver;

// Runs the generated service (its own composition root, every building block it was generated with) against a
// queue filled in advance and prints one line `BENCH-RESULT {json}` for the runner.
// Usage: EdaService.BenchDriver throughput|flood --transport inmemory|database --connection CS --messages N [--warm-up-seconds S (throughput)] [--min-warm-up-seconds S] [--set Key=Value ...]
var arguments = DriverArguments.Parse(args);
object result = arguments.Mode switch
{
    "throughput" => await ThroughputRun.RunAsync(arguments),
    "flood" => await PoisonFloodRun.RunAsync(arguments),
    _ => throw new ArgumentException($"Unknown mode '{arguments.Mode}': use throughput or flood."),
};
Console.WriteLine("BENCH-RESULT " + JsonSerializer.Serialize(result));
