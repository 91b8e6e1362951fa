using EdaTemplates.Tests.Fixture;
using EdaTemplates.Tests.Infrastructure;
using EdaTemplates.Tests.Layout;
using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests.Growing;

/// <summary>
/// `dotnet new eda-event` and `dotnet new eda-handler`, run in the service project folder of a generated service, add
/// code that fits the service's building blocks; the service still builds with warnings as errors and the added tests
/// run and pass.
/// </summary>
[Collection(TemplatePackCollection.Name)]
public sealed class ItemTemplateTests(TemplatePackFixture fixture)
{
    private const string Name = ExpectedLayout.ProjectName;

    public static TheoryData<Variant> Variants => new(
        DatabaseOnPostgreSql,
        DatabaseOnPostgreSql.WithAllSwitchesOff());

    private static Variant DatabaseOnPostgreSql => Variant.Defaults with { Transport = TransportKind.Database, Database = DatabaseKind.PostgreSql };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Added_event_and_handlers_build_and_their_tests_pass(Variant variant)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var root = fixture.CreateScratchDirectory($"items-{variant.Name}");
        var service = Path.Combine(root, Name);
        var logs = Path.Combine(root, "logs");
        await NewAsync(root, [TemplatePackFixture.TemplateShortName, "-n", Name, "-o", service, .. variant.CliArguments], "01-new");

        // The item templates read the service project's properties, which `dotnet new` evaluates only once it is restored.
        await RunAsync(service, ["restore", ExpectedLayout.SolutionFile], StepTimeouts.Restore, "02-restore");

        var project = Path.Combine(service, "src", Name);
        await NewAsync(project, ["eda-event", "-n", "OrderShipped"], "03-eda-event");
        await NewAsync(project, ["eda-handler", "-n", "ShipOrder", "--event", "OrderShipped"], "04-eda-handler-new-event");
        await NewAsync(project, ["eda-handler", "-n", "NotifyWarehouse", "-e", "OrderPlaced"], "05-eda-handler-existing-event");
        await NewAsync(project, ["eda-event", "-n", "DiscountGranted", "--order-change"], "06-eda-event-order-change");
        await NewAsync(project, ["eda-handler", "-n", "ApplyDiscount", "--event", "DiscountGranted", "--order-change"], "07-eda-handler-order-change");

        // In another project of the service (here the contracts) they refuse too, naming what they need.
        var inContracts = await fixture.RunTemplateCommandAsync(
            Path.Combine(service, "src", $"{Name}.Contracts"), ["eda-handler", "-n", "Misplaced", "--event", "OrderPlaced", "--no-update-check"], Path.Combine(logs, "05b-misplaced.log"), cancellation);
        Assert.False(inContracts.Succeeded, DotnetCli.FailureMessage("eda-handler ran in the contracts project", inContracts, Path.Combine(logs, "05b-misplaced.log")));
        Assert.Contains("EdaTemplatesService", inContracts.CombinedOutput, StringComparison.Ordinal);

        string[] expected =
        [
            $"src/{Name}.Contracts/OrderShipped.cs",
            $"tests/{Name}.UnitTests/Contracts/OrderShippedTests.cs",
            $"src/{Name}/Handlers/ShipOrderHandler.cs",
            $"tests/{Name}.UnitTests/Handlers/ShipOrderHandlerTests.cs",
            $"src/{Name}/Handlers/NotifyWarehouseHandler.cs",
            $"tests/{Name}.UnitTests/Handlers/NotifyWarehouseHandlerTests.cs",
            $"src/{Name}.Contracts/DiscountGranted.cs",
            $"tests/{Name}.UnitTests/Contracts/DiscountGrantedTests.cs",
            $"src/{Name}/Handlers/ApplyDiscountHandler.cs",
            $"tests/{Name}.UnitTests/Handlers/ApplyDiscountHandlerTests.cs",
        ];
        foreach (var file in expected)
        {
            Assert.True(File.Exists(Path.Combine(service, file)), $"{file} was not added (logs: {logs})");
        }

        var validator = Path.Combine(service, $"src/{Name}/Validation/Validators/OrderShippedValidator.cs");
        Assert.Equal(variant.Validation, File.Exists(validator));
        Assert.StartsWith($"namespace {Name}.Contracts;", File.ReadAllLines(Path.Combine(service, expected[0])).First(l => l.StartsWith("namespace", StringComparison.Ordinal)));
        Assert.Contains($"namespace {Name}.Handlers;", File.ReadAllText(Path.Combine(service, expected[2])));
        var handlerTests = File.ReadAllText(Path.Combine(service, expected[3]));
        Assert.Equal(variant.Validation, handlerTests.Contains("IValidator<OrderShipped>", StringComparison.Ordinal));
        Assert.Equal(variant.Idempotency, handlerTests.Contains("IdempotentUnitOfWork", StringComparison.Ordinal));
        Assert.Contains("int Version", File.ReadAllText(Path.Combine(service, expected[6])), StringComparison.Ordinal);

        // An order change goes through the ordering guard where the service has one, and is a plain handler elsewhere.
        Assert.Equal(variant.Ordering, File.ReadAllText(Path.Combine(service, expected[8])).Contains("OrderChanges changes", StringComparison.Ordinal));

        foreach (var file in expected)
        {
            var content = File.ReadAllText(Path.Combine(service, file));
            Assert.DoesNotContain(ExpectedLayout.SourceName, content, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("HandledEvent", content, StringComparison.Ordinal);
        }

        await RunAsync(service, ["build", ExpectedLayout.SolutionFile, "-warnaserror", "-warnnotaserror:NU1603", "--no-restore"], StepTimeouts.Build, "08-build");

        var trx = Path.Combine(logs, "09-unit-tests.trx");
        await RunAsync(
            service,
            ["test", ExpectedLayout.UnitTestsProject, "--no-build", "--logger", "trx;LogFileName=09-unit-tests.trx", "--results-directory", logs],
            StepTimeouts.UnitTests,
            "09-unit-tests");
        var results = File.ReadAllText(trx);
        foreach (var testClass in new[] { "OrderShippedTests", "ShipOrderHandlerTests", "NotifyWarehouseHandlerTests", "DiscountGrantedTests", "ApplyDiscountHandlerTests" })
        {
            Assert.True(
                results.Contains($"{Name}.UnitTests.", StringComparison.Ordinal) && results.Contains($".{testClass}.", StringComparison.Ordinal),
                $"No test of {testClass} ran (TRX: {trx})");
        }

        async Task NewAsync(string directory, IReadOnlyList<string> arguments, string step)
        {
            var log = Path.Combine(logs, $"{step}.log");
            // --no-update-check: see TemplatePackFixture (a blank stderr line for a package no feed serves).
            var result = await fixture.RunTemplateCommandAsync(directory, [.. arguments, "--no-update-check"], log, cancellation);
            Assert.True(result.Succeeded, DotnetCli.FailureMessage($"dotnet new {arguments[0]} failed", result, log));
            Assert.True(result.StandardError.Length == 0, DotnetCli.FailureMessage($"dotnet new {arguments[0]} wrote to stderr", result, log));
        }

        async Task RunAsync(string directory, IReadOnlyList<string> arguments, TimeSpan timeout, string step)
        {
            var log = Path.Combine(logs, $"{step}.log");
            var result = await DotnetCli.RunAsync(directory, arguments, timeout, log, cancellation);
            Assert.True(result.Succeeded, DotnetCli.FailureMessage($"dotnet {arguments[0]} failed for {variant.Name}", result, log));
        }
    }

    [Fact]
    public async Task Outside_a_service_project_the_item_templates_refuse_and_add_nothing()
    {
        var directory = fixture.CreateScratchDirectory("items-outside");
        foreach (var template in new[] { "eda-handler", "eda-event" })
        {
            var log = Path.Combine(directory, $"{template}.log");
            string[] arguments = template == "eda-handler" ? [template, "-n", "ShipOrder", "--event", "OrderPlaced"] : [template, "-n", "OrderShipped"];

            var result = await fixture.RunTemplateCommandAsync(directory, arguments, log, TestContext.Current.CancellationToken);

            Assert.False(result.Succeeded, DotnetCli.FailureMessage($"dotnet new {template} ran outside a service project", result, log));
            Assert.Contains("can only be created inside the project", result.CombinedOutput, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(directory), e => !e.EndsWith(".log", StringComparison.Ordinal));
    }
}
