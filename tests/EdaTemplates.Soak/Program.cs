using EdaTemplates.Soak;

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

var result = await SoakRun.RunAsync(options, line => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}"));
Console.WriteLine(SoakReport.Format(result));
return result.Passed ? 0 : 1;
