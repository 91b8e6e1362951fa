using EdaTemplates.Tests.Fixture;

namespace EdaTemplates.Tests;

[Collection(TemplatePackCollection.Name)]
public sealed class TemplateCliTests(TemplatePackFixture fixture)
{
    [Fact]
    public async Task Help_explains_every_option()
    {
        var directory = fixture.CreateScratchDirectory("help");
        var log = Path.Combine(directory, "help.log");

        var result = await fixture.RunTemplateCommandAsync(
            directory,
            [TemplatePackFixture.TemplateShortName, "--help"],
            log,
            TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, $"dotnet new {TemplatePackFixture.TemplateShortName} --help failed (log: {log}):{Environment.NewLine}{result.Describe()}");
        Assert.True(result.StandardError.Length == 0, $"dotnet new --help wrote to stderr (log: {log}):{Environment.NewLine}{result.Describe()}");

        string[] expected =
        [
            "--transport", "--database", "--outbox", "--idempotency", "--ordering", "--kill-switch", "--peek-lock", "--integration-tests", "--validation", "--framework",
            "AzureServiceBus", "Database", "SqlServer", "PostgreSql",
        ];
        var missing = expected.Where(text => !result.StandardOutput.Contains(text, StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, $"Help does not mention {string.Join(", ", missing)} (log: {log}):{Environment.NewLine}{result.Describe()}");
    }

    [Fact]
    public async Task Invalid_choice_is_rejected_with_clear_message()
    {
        var directory = fixture.CreateScratchDirectory("invalid-choice");
        var log = Path.Combine(fixture.WorkRoot, "logs", "invalid-choice.log");

        var result = await fixture.RunTemplateCommandAsync(
            directory,
            [TemplatePackFixture.TemplateShortName, "-n", "X", "--transport", "Kafka"],
            log,
            TestContext.Current.CancellationToken);

        var report = $"(log: {log}){Environment.NewLine}{result.Describe()}";
        Assert.False(result.Succeeded, $"dotnet new accepted --transport Kafka {report}");

        string[] expected = ["--transport", "Kafka", "AzureServiceBus", "Database"];
        var missing = expected.Where(text => !result.CombinedOutput.Contains(text, StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, $"The rejection does not mention {string.Join(", ", missing)} {report}");

        var created = Directory.EnumerateFileSystemEntries(directory).ToArray();
        Assert.True(created.Length == 0, $"A rejected dotnet new still created {string.Join(", ", created)} {report}");
    }
}
