namespace EdaTemplates.Benchmarks;

/// <summary>
/// Seconds from nothing to a built solution: `dotnet new eda-service` plus `dotnet build`, against `dotnet new worker`
/// plus `dotnet build`. A first, untimed generate-and-restore of each warms the NuGet cache, so downloads are not counted.
/// </summary>
public static class ScaffoldCost
{
    private static readonly string[] EdaService = ["eda-service", "--transport", "Database", "--database", "PostgreSql"];
    private static readonly string[] Worker = ["worker"];

    public sealed record Timing(double NewSeconds, double BuildSeconds)
    {
        public double TotalSeconds => NewSeconds + BuildSeconds;
    }

    public static async Task<(Timing Eda, Timing Worker)> RunAsync(GeneratedVariants variants, string workDirectory)
    {
        var root = Path.Combine(workDirectory, "scaffold");
        foreach (var (template, name) in new[] { (EdaService, "warm-eda"), (Worker, "warm-worker") })
        {
            var directory = Path.Combine(root, name);
            await variants.NewAsync(directory, "Warm", template);
            await variants.RunAsync(directory, ["restore"], $"restore-{name}");
        }

        return (await TimeAsync(variants, EdaService, Path.Combine(root, "eda")), await TimeAsync(variants, Worker, Path.Combine(root, "worker")));
    }

    private static async Task<Timing> TimeAsync(GeneratedVariants variants, string[] template, string directory)
    {
        var created = await variants.NewAsync(directory, "Scaffolded", template);
        var built = await variants.RunAsync(directory, ["build"], $"build-scaffold-{Path.GetFileName(directory)}");
        return new Timing(created.Duration.TotalSeconds, built.Duration.TotalSeconds);
    }
}
