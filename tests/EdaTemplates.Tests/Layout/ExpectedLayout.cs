using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests.Layout;

/// <summary>A directory that must exist exactly when <see cref="ExpectedWhen"/> holds for the variant.</summary>
public sealed record ConditionalDirectory(string RelativePath, string Condition, Func<Variant, bool> ExpectedWhen);

/// <summary>Text no file may contain (compared ignoring case) when <see cref="ForbiddenWhen"/> holds for the variant.</summary>
public sealed record ConditionalContent(string Text, string Condition, Func<Variant, bool> ForbiddenWhen);

/// <summary>
/// Everything the harness expects of a generated solution, in one place so it can follow the template as it evolves.
/// Paths are relative to the solution folder and use '/'.
/// </summary>
public static class ExpectedLayout
{
    /// <summary>Value passed to `dotnet new -n`; replaces the template's sourceName.</summary>
    public const string ProjectName = "Orders";

    /// <summary>The template's sourceName: after generation it must appear nowhere.</summary>
    public const string SourceName = "EdaService";

    public const string SolutionFile = $"{ProjectName}.slnx";

    public const string UnitTestsProject = $"tests/{ProjectName}.UnitTests";

    public const string IntegrationTestsProject = $"tests/{ProjectName}.IntegrationTests";

    public static IReadOnlyList<string> RequiredFiles { get; } =
    [
        SolutionFile,
        "Directory.Build.props",
        "Directory.Packages.props",
        "README.md",
        // The answers `dotnet new` was given and the command that updates the service from them (Growing/).
        ".eda-service.json",
        "eda-update.cs",
        $"src/{ProjectName}/{ProjectName}.csproj",
        $"src/{ProjectName}.Contracts/{ProjectName}.Contracts.csproj",
        $"{UnitTestsProject}/{ProjectName}.UnitTests.csproj",
        ".github/dependabot.yml",
        $"src/{ProjectName}/Observability/ObservabilityServiceExtensions.cs",
        $"{UnitTestsProject}/GuardRails/GuardRailTests.cs",
        $"{UnitTestsProject}/Deployment/DeploymentTests.cs",
        $"src/{ProjectName}/Operations/ErrorQueueReplay.cs",
        $"{UnitTestsProject}/Operations/ErrorQueueReplayTests.cs",
    ];

    public static IReadOnlyList<ConditionalDirectory> ConditionalDirectories { get; } =
    [
        new(IntegrationTestsProject, "integration-tests is true", variant => variant.IntegrationTests),
        new($"src/{ProjectName}/Outbox", "outbox is true", variant => variant.Outbox),
        new($"src/{ProjectName}/Idempotency", "idempotency is true", variant => variant.Idempotency),
        new($"src/{ProjectName}/Ordering", "ordering is true", variant => variant.Ordering),
        new($"src/{ProjectName}/Validation", "validation is true", variant => variant.Validation),
        new($"{UnitTestsProject}/Validation", "validation is true", variant => variant.Validation),
        new($"{IntegrationTestsProject}/Validation", "validation and integration-tests are true", variant => variant.Validation && variant.IntegrationTests),
        new($"src/{ProjectName}/KillSwitch", "kill-switch is true", variant => variant.KillSwitch),
        new($"{UnitTestsProject}/KillSwitch", "kill-switch is true", variant => variant.KillSwitch),
        new($"{IntegrationTestsProject}/KillSwitch", "kill-switch and integration-tests are true", variant => variant.KillSwitch && variant.IntegrationTests),
        new($"src/{ProjectName}/KillSwitch/AzureServiceBus", "kill-switch and peek-lock are true and transport is AzureServiceBus",
            variant => variant.KillSwitch && variant.PeekLock && variant.Transport == TransportKind.AzureServiceBus),
        new($"src/{ProjectName}/Messaging/AzureServiceBus", "transport is AzureServiceBus", variant => variant.Transport == TransportKind.AzureServiceBus),
        new($"src/{ProjectName}/Messaging/DatabaseTransport", "transport is Database", variant => variant.Transport == TransportKind.Database),
        new($"src/{ProjectName}/Data/Migrations/PostgreSql", "database is PostgreSql", variant => variant.Database == DatabaseKind.PostgreSql),
        new($"src/{ProjectName}/Data/Migrations/SqlServer", "database is SqlServer", variant => variant.Database == DatabaseKind.SqlServer),
        new($"src/{ProjectName}/Observability/PostgreSql", "database is PostgreSql", variant => variant.Database == DatabaseKind.PostgreSql),
        new($"src/{ProjectName}/Observability/SqlServer", "database is SqlServer", variant => variant.Database == DatabaseKind.SqlServer),
        new($"{IntegrationTestsProject}/Observability", "outbox and integration-tests are true", variant => variant.Outbox && variant.IntegrationTests),
        new($"{IntegrationTestsProject}/Health", "transport is Database and integration-tests is true",
            variant => variant.Transport == TransportKind.Database && variant.IntegrationTests),
        new($"{IntegrationTestsProject}/Operations", "transport is Database and integration-tests is true",
            variant => variant.Transport == TransportKind.Database && variant.IntegrationTests),
    ];

    /// <summary>A switched-off feature must leave no reference behind, not only no folder.</summary>
    public static IReadOnlyList<ConditionalContent> ConditionalForbiddenContent { get; } =
    [
        new("FluentValidation", "validation is false", variant => !variant.Validation),
        new($"{ProjectName}.Validation", "validation is false", variant => !variant.Validation),
        new("MessageRejected", "validation is false", variant => !variant.Validation),
        new("eda-validation-errors", "validation is false", variant => !variant.Validation),
        new("UseValidation", "validation is false", variant => !variant.Validation),
        new("KillSwitch", "kill-switch is false", variant => !variant.KillSwitch),
        new("ProcessedMessage", "idempotency is false", variant => !variant.Idempotency),
        new("OrderAmended", "ordering is false", variant => !variant.Ordering),
        // The Database transport defaults to 8 in parallel (receives compete for the queue table's rows), brokers to 20.
        new("\"MaxParallelism\": 20,", "the transport is Database", variant => variant.Transport == TransportKind.Database),
        new("\"MaxParallelism\": 8,", "the transport is not Database", variant => variant.Transport != TransportKind.Database),
    ];

    /// <summary>Text that must not occur in any file or directory name (compared ignoring case).</summary>
    public static IReadOnlyList<string> ForbiddenInNames { get; } = [SourceName];

    /// <summary>
    /// Text that must not occur in any file's content (compared ignoring case): a leftover sourceName means a
    /// missed replacement, and AuthoringMode belongs to the template's own build, not to generated code.
    /// </summary>
    public static IReadOnlyList<string> ForbiddenInContent { get; } = [SourceName, "AuthoringMode"];

    /// <summary>Build output directories must never be shipped in the template.</summary>
    public static IReadOnlyList<string> ForbiddenDirectoryNames { get; } = ["bin", "obj"];
}
