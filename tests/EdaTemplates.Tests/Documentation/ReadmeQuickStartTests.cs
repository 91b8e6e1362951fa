using EdaTemplates.Tests.Growing;
using EdaTemplates.Tests.Infrastructure;

namespace EdaTemplates.Tests.Documentation;

/// <summary>
/// The README's install and first-service commands, run as written: in a copy of the repository (a fresh clone), with
/// a home folder of their own (so `dotnet new install` uses a private template hive and `~/src` is outside the
/// checkout). The generated service must build, and land in its own folder.
/// </summary>
public sealed class ReadmeQuickStartTests
{
    private const string Start = "<!-- quick-start";
    private const string End = "<!-- /quick-start -->";

    [Fact]
    public async Task The_install_and_first_service_commands_run_as_written_outside_the_checkout()
    {
        var root = RepositoryLocator.FindRoot();
        var commands = QuickStartCommands(File.ReadAllText(Path.Combine(root, "README.md")));
        Assert.Contains(commands, c => c.StartsWith("dotnet new eda-service", StringComparison.Ordinal));

        var work = Directory.CreateTempSubdirectory("eda-quick-start-").FullName;
        var clone = Path.Combine(work, "EdaTemplates");
        var home = Directory.CreateDirectory(Path.Combine(work, "home")).FullName;
        PackSource.CopyTo(root, clone);
        CopyNuGetConfiguration(home);

        var result = await ProcessRunner.RunAsync(
            new ProcessRequest("bash", ["-euo", "pipefail", "-c", string.Join('\n', commands)], clone, TimeSpan.FromMinutes(10))
            {
                Environment = new Dictionary<string, string?>
                {
                    ["HOME"] = home,
                    ["DOTNET_CLI_HOME"] = home,
                    // The machine's package cache, so the commands restore what every other test restored.
                    ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                                         ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
                    ["DOTNET_NOLOGO"] = "1",
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                },
            },
            TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Describe());
        var service = Path.Combine(home, "src", "Orders");
        Assert.True(File.Exists(Path.Combine(service, "Orders.slnx")), $"no Orders.slnx in {service}\n{result.Describe()}");
        Assert.True(Directory.Exists(Path.Combine(service, "src", "Orders", "bin")), $"the service was not built\n{result.Describe()}");
        Assert.False(Directory.Exists(Path.Combine(clone, "Orders")), "the service was generated inside the checkout");
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public void The_quick_start_block_is_read_line_by_line_without_the_fences()
    {
        var readme = $"intro\n{Start}: run -->\n```\ndotnet pack x\n\nmkdir -p ~/src && cd ~/src\n```\n{End}\nafter\n";

        Assert.Equal(["dotnet pack x", "mkdir -p ~/src && cd ~/src"], QuickStartCommands(readme));
        Assert.Throws<InvalidOperationException>(() => QuickStartCommands("no block here"));
    }

    private static IReadOnlyList<string> QuickStartCommands(string readme)
    {
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = start < 0 ? -1 : readme.IndexOf(End, start, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidOperationException($"README.md has no block between '{Start} ... -->' and '{End}'");
        }

        return readme[start..end].Split('\n').Skip(1)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith("```", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>The user's NuGet sources (a mirror, a company feed) apply in the private home too.</summary>
    private static void CopyNuGetConfiguration(string home)
    {
        var config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
        if (File.Exists(config))
        {
            var target = Directory.CreateDirectory(Path.Combine(home, ".nuget", "NuGet")).FullName;
            File.Copy(config, Path.Combine(target, "NuGet.Config"));
        }
    }
}
