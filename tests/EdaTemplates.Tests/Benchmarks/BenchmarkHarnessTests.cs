using System.Text.Json;
using EdaTemplates.Tests.Infrastructure;

namespace EdaTemplates.Tests.Benchmarks;

/// <summary>
/// A smoke test of the benchmark harness (tests/EdaTemplates.Benchmarks): its quick mode runs every measurement and
/// prints a table in which every row has a figure. It never checks how fast anything was.
/// </summary>
public sealed class BenchmarkHarnessTests
{
    private const string ConnectionStringVariable = "EDA_TEST_CONNECTION_STRING";

    /// <summary>The rows the issue asks for; a measurement that disappears from the table fails the test.</summary>
    private static readonly string[] ExpectedRows =
    [
        "All on, in-memory transport",
        "All off, in-memory transport",
        "All on ÷ all off, in-memory transport",
        "All on, Database transport",
        "All off, Database transport",
        "All on ÷ all off, Database transport",
        ".NET ceiling: Npgsql open, begin, insert, commit",
        "Server ceiling: pgbench, one insert per transaction",
        "All on, in-memory ÷ .NET ceiling",
        "All on, in-memory ÷ pgbench",
        "All on, Database transport ÷ .NET ceiling",
        "All on, Database transport ÷ pgbench",
        "Plain Rebus handler (one insert), Rebus.PostgreSql transport, Rebus defaults",
        "All on, Database transport ÷ plain Rebus defaults",
        "Kill switch: dead letters in a 1,000-message poison flood",
        "Scaffold: `dotnet new eda-service` + `dotnet build`",
        "Scaffold: `dotnet new worker` + `dotnet build`",
        "Scaffold: eda-service ÷ worker",
    ];

    [Fact]
    public async Task Quick_mode_prints_a_figure_in_every_row()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrEmpty(connectionString))
        {
            Assert.Skip($"no PostgreSQL to benchmark against: set {ConnectionStringVariable} (tests/run-tests.sh starts one)");
        }

        var root = RepositoryLocator.FindRoot();
        var work = Path.Combine(Path.GetTempPath(), "eda-templates-tests", $"bench-{DateTime.Now:yyyyMMdd-HHmmss}");
        var json = Path.Combine(work, "results.json");
        var log = Path.Combine(work, "runner.log");
        var run = await DotnetCli.RunAsync(
            root,
            ["run", "-c", "Release", "--project", Path.Combine(root, "tests", "EdaTemplates.Benchmarks"), "--",
             "--quick", "--connection", connectionString, "--work", work, "--json", json],
            TimeSpan.FromMinutes(40),
            log,
            TestContext.Current.CancellationToken);

        Assert.True(run.Succeeded, DotnetCli.FailureMessage("The benchmark runner's quick mode failed", run, log));
        var printed = TableRows(run.StandardOutput);
        Assert.Equal(ExpectedRows, printed.Select(row => row.Measurement));
        foreach (var (measurement, figure) in printed)
        {
            Assert.True(figure.Any(char.IsAsciiDigit), $"The row '{measurement}' has no figure ('{figure}'); log: {log}");
        }

        using var saved = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var rows = saved.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(ExpectedRows, rows.Select(row => row.GetProperty("Measurement").GetString()));
        Assert.All(rows, row => Assert.Equal(JsonValueKind.Number, row.GetProperty("Value").ValueKind));
    }

    /// <summary>The measurement and figure cells of the markdown table the runner prints.</summary>
    private static List<(string Measurement, string Figure)> TableRows(string output) =>
        output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Measurement |", StringComparison.Ordinal))
            .Select(line => line.Split('|'))
            .Select(cells => (cells[1].Trim(), cells[2].Trim()))
            .ToList();
}
