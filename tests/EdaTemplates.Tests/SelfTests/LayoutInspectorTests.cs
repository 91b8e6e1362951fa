using EdaTemplates.Tests.Layout;
using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests.SelfTests;

public sealed class LayoutInspectorTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("eda-layout-selftest-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_tree_built_from_the_expectations_has_no_violations()
    {
        var variant = Variant.Defaults;
        WriteExpectedTree(variant);

        Assert.Empty(LayoutInspector.FindViolations(GeneratedTree.Capture(root), variant));
    }

    [Fact]
    public void Every_kind_of_deviation_is_reported()
    {
        var variant = Variant.Defaults with { Outbox = false };
        WriteExpectedTree(Variant.Defaults);
        File.Delete(Path.Combine(root, "README.md"));
        Write("src/Orders/EdaService.Extra.cs", "namespace Orders;");
        Write("src/Orders/Program.cs", "// built with EdaService.Core");
        Write("Directory.Build.props", "<Project><PropertyGroup><AuthoringMode>true</AuthoringMode></PropertyGroup></Project>");
        Directory.CreateDirectory(Path.Combine(root, "src/Orders/obj"));

        var violations = LayoutInspector.FindViolations(GeneratedTree.Capture(root), variant);

        Assert.Contains("missing required file README.md", violations);
        Assert.Contains(violations, v => v.StartsWith("unexpected directory src/Orders/Outbox/", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("name of src/Orders/EdaService.Extra.cs", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("src/Orders/Program.cs contains 'EdaService'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("Directory.Build.props contains 'AuthoringMode'", StringComparison.Ordinal));
        Assert.Contains("shipped build output directory src/Orders/obj/", violations);
    }

    [Fact]
    public void Missing_conditional_directory_is_reported()
    {
        var variant = Variant.Defaults with { Transport = TransportKind.Database };
        WriteExpectedTree(variant);
        Directory.Delete(Path.Combine(root, "src/Orders/Messaging/DatabaseTransport"), recursive: true);

        var violation = Assert.Single(LayoutInspector.FindViolations(GeneratedTree.Capture(root), variant));
        Assert.StartsWith("missing directory src/Orders/Messaging/DatabaseTransport/", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_left_behind_by_a_switched_off_feature_is_reported()
    {
        var variant = Variant.Defaults with { Validation = false };
        WriteExpectedTree(variant);
        Write("src/Orders/ApplicationServiceExtensions.cs", "using Orders.Validation;");

        var violation = Assert.Single(LayoutInspector.FindViolations(GeneratedTree.Capture(root), variant));
        Assert.StartsWith("src/Orders/ApplicationServiceExtensions.cs contains 'Orders.Validation' although validation is false", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_switched_off_feature_is_reported()
    {
        var variant = Variant.Defaults with { KillSwitch = false };
        WriteExpectedTree(variant);
        Write("src/Orders/ApplicationServiceExtensions.cs", "builder.AddKillSwitch();");

        var violation = Assert.Single(LayoutInspector.FindViolations(GeneratedTree.Capture(root), variant));
        Assert.StartsWith("src/Orders/ApplicationServiceExtensions.cs contains 'KillSwitch' although kill-switch is false", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Kill_switch_folders_follow_the_switch()
    {
        var variant = Variant.Defaults with { KillSwitch = false };
        WriteExpectedTree(Variant.Defaults);

        var violations = LayoutInspector.FindViolations(GeneratedTree.Capture(root), variant);

        Assert.Contains(violations, v => v.StartsWith("unexpected directory src/Orders/KillSwitch/", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("unexpected directory src/Orders/KillSwitch/AzureServiceBus/", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("unexpected directory tests/Orders.UnitTests/KillSwitch/", StringComparison.Ordinal));
    }

    private void WriteExpectedTree(Variant variant)
    {
        foreach (var file in ExpectedLayout.RequiredFiles)
        {
            Write(file, "<!-- generated -->");
        }

        foreach (var rule in ExpectedLayout.ConditionalDirectories.Where(rule => rule.ExpectedWhen(variant)))
        {
            Write($"{rule.RelativePath}/Placeholder.cs", "namespace Orders;");
        }
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
