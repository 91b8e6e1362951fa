using System.Text.Json;
using EdaTemplates.Tests.Infrastructure;

namespace EdaTemplates.Benchmarks;

/// <summary>Runs the driver built inside a generated solution and reads its `BENCH-RESULT {json}` line.</summary>
public static class DriverRun
{
    private const string Marker = "BENCH-RESULT ";

    public static async Task<JsonElement> RunAsync(string driverAssembly, IReadOnlyList<string> arguments, string logFile, TimeSpan timeout)
    {
        var request = new ProcessRequest("dotnet", [driverAssembly, .. arguments], Path.GetDirectoryName(driverAssembly)!, timeout)
        {
            Environment = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = null, ["DOTNET_gcServer"] = null },
        };
        var result = await ProcessRunner.RunAsync(request, CancellationToken.None);
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        await File.WriteAllTextAsync(logFile, result.Describe());
        var line = result.StandardOutput.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (!result.Succeeded || line is null)
        {
            throw new InvalidOperationException($"The benchmark driver failed (log: {logFile}){Environment.NewLine}{result.Describe()}");
        }

        return JsonDocument.Parse(line[Marker.Length..]).RootElement.Clone();
    }
}
