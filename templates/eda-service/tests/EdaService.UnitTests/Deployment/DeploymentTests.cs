using System.Reflection;
using System.Xml.Linq;
using EdaService.UnitTests.GuardRails;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Hosting;

namespace EdaService.UnitTests.Deployment;

/// <summary>Secrets stay out of the repository and the image; the image builds with the SDK and runs as a non-root user.</summary>
public sealed class DeploymentTests
{
    private static readonly SourceTree Source = SourceTree.Load();

    private static string ServiceFolder => Path.Combine(Source.Root, "src", typeof(ApplicationServiceExtensions).Assembly.GetName().Name!);

    [Fact]
    public void No_settings_file_holds_a_secret()
    {
        var files = Directory.GetFiles(ServiceFolder, "appsettings*.json");
        Assert.NotEmpty(files);
        var violations = files.SelectMany(f => SecretsRule.Check(Path.GetRelativePath(Source.Root, f), File.ReadAllText(f))).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_secrets_rule_fails_for_a_connection_string_or_a_credential_in_a_settings_file()
    {
        const string json = """
            { "Database": { "ConnectionString": "Host=db;Password=hunter2" }, "Other": { "Url": "Endpoint=sb://x/;SharedAccessKey=abc" }, "Empty": { "ConnectionString": "" } }
            """;

        var violations = SecretsRule.Check("src/Sample/appsettings.json", json);

        Assert.Equal(["src/Sample/appsettings.json: Database:ConnectionString has a value", "src/Sample/appsettings.json: Other:Url holds a credential"],
            violations.Select(v => v[..v.IndexOf(". Lesson", StringComparison.Ordinal)]));
        Assert.All(violations, v => Assert.Contains(SecretsRule.Lesson, v));
    }

    [Fact]
    public void Development_reads_user_secrets_and_the_build_output_holds_none()
    {
        var service = typeof(ApplicationServiceExtensions).Assembly;
        Assert.NotNull(service.GetCustomAttribute<Microsoft.Extensions.Configuration.UserSecrets.UserSecretsIdAttribute>());

        Assert.True(ReadsUserSecrets(service), "Development does not read user secrets with the service's UserSecretsId");
        Assert.False(ReadsUserSecrets(typeof(DeploymentTests).Assembly), "an assembly without a UserSecretsId reads user secrets");
        Assert.Empty(Directory.GetFiles(AppContext.BaseDirectory, "secrets.json", SearchOption.AllDirectories));
    }

    private static bool ReadsUserSecrets(Assembly application)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            ApplicationName = application.GetName().Name,
        });
        return ((IConfigurationBuilder)builder.Configuration).Sources.OfType<JsonConfigurationSource>().Any(source => source.Path == "secrets.json");
    }

    [Fact]
    public void The_service_publishes_a_container_image_with_the_SDK_as_a_non_root_user()
    {
        var project = XDocument.Load(Directory.GetFiles(ServiceFolder, "*.csproj").Single());
        string? Property(string name) => project.Descendants(name).LastOrDefault()?.Value;

        Assert.Equal("true", Property("EnableSdkContainerSupport"));
        Assert.Equal("app", Property("ContainerUser"));
        Assert.Matches("^[a-z0-9][a-z0-9._/-]*$", Property("ContainerRepository"));
        Assert.Empty(project.Descendants("ContainerEnvironmentVariable"));
    }
}
