using System.Text.Json.Nodes;
using EdaTemplates.Tests.Fixture;
using EdaTemplates.Tests.Infrastructure;
using EdaTemplates.Tests.Layout;
using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests.Growing;

/// <summary>Every generated service records the pack version and every option it was generated with.</summary>
[Collection(TemplatePackCollection.Name)]
public sealed class AnswersFileTests(TemplatePackFixture fixture)
{
    [Fact]
    public void The_recorded_pack_version_is_the_package_version()
    {
        var root = RepositoryLocator.FindRoot();

        Assert.Equal(PackSource.PackageVersion(root), PackSource.RecordedVersion(root));
    }

    [Fact]
    public void The_README_installs_and_updates_to_the_package_version()
    {
        // The quick start is copied as is: a stale version there fails `dotnet new install` (the nupkg has another name).
        var root = RepositoryLocator.FindRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var version = PackSource.PackageVersion(root);

        Assert.Contains($"dotnet new install artifacts/EdaTemplates.{version}.nupkg", readme, StringComparison.Ordinal);
        Assert.Contains($"dotnet run eda-update.cs -- --to {version} ", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_option_of_the_service_template_is_recorded()
    {
        // An option missing here would be regenerated with its default by the update command, silently changing the service.
        var root = RepositoryLocator.FindRoot();
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(root, PackSource.ServiceTemplateJson)))!;
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(root, PackSource.ServiceHostJson)))!;
        var parameters = template["symbols"]!.AsObject().Where(s => (string?)s.Value!["type"] == "parameter").Select(s => s.Key);
        var longNames = parameters.Select(p => host["symbolInfo"]?[p]?["longName"]?.GetValue<string>() ?? p).Order().ToArray();

        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(root, PackSource.AnswersFileInTemplate)))!["options"]!.AsObject().Select(o => o.Key).Order().ToArray();

        Assert.Equal(longNames, recorded);
    }

    public static TheoryData<Variant> Variants => new(
        Variant.Defaults,
        (Variant.Defaults with { Transport = TransportKind.Database, Database = DatabaseKind.PostgreSql }).WithAllSwitchesOff());

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_generated_service_records_its_answers(Variant variant)
    {
        var workspace = await fixture.InstantiateAsync(variant);
        var path = Path.Combine(workspace.SolutionDirectory, ".eda-service.json");
        Assert.True(File.Exists(path), $"{variant.Name} has no .eda-service.json at its root ({workspace.SolutionDirectory})");

        var answers = JsonNode.Parse(File.ReadAllText(path))!;
        var options = answers["options"]!.AsObject().ToDictionary(o => o.Key, o => o.Value!.GetValue<string>());
        Assert.Equal("EdaTemplates", (string?)answers["package"]);
        Assert.Equal(PackSource.PackageVersion(fixture.RepositoryRoot), (string?)answers["version"]);
        Assert.Equal("eda-service", (string?)answers["template"]);
        Assert.Equal(ExpectedLayout.ProjectName, (string?)answers["name"]);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["transport"] = variant.Transport.ToString(),
                ["database"] = variant.Database.ToString(),
                ["outbox"] = Flag(variant.Outbox),
                ["idempotency"] = Flag(variant.Idempotency),
                ["ordering"] = Flag(variant.Ordering),
                ["kill-switch"] = Flag(variant.KillSwitch),
                ["peek-lock"] = Flag(variant.PeekLock),
                ["validation"] = Flag(variant.Validation),
                ["integration-tests"] = Flag(variant.IntegrationTests),
                ["framework"] = "net10.0",
            },
            options);
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
