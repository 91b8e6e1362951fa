using EdaTemplates.Soak;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(SoakOptions.Usage);
    return 0;
}

SoakOptions options;
try
{
    options = SoakOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

if (EdaTemplates.Soak.Cluster.PostgresBinaries.MissingReason() is { } missing)
{
    Console.Error.WriteLine($"crash soak: cannot run: {missing}");
    return 3;
}

// Ctrl+C ends the run through its cleanup: the soak's PostgreSQL clusters and service processes must not outlive it.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

SoakResult result;
try
{
    result = await SoakRun.RunAsync(options, line => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}"), stop.Token);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"crash soak: {exception.Message}");
    return 2;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("crash soak: stopped; clusters and service processes were cleaned up");
    return 130;
}

Console.WriteLine(SoakReport.Format(result));
return result.Passed ? 0 : 1;
