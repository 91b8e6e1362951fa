using EdaService.Contracts;

namespace EdaService.UnitTests.GuardRails;

/// <summary>A contract written the way the guard rails forbid, to prove the timestamp rule can fail.</summary>
public sealed record LocalTimeSample(Guid Id, DateTime OccurredAt, DateTime? ShippedAt, DateTimeOffset AcceptedAt);

/// <summary>
/// Lessons the service was built on, checked against its code as it is now, so they survive the team's own changes. Each
/// rule is also run on a deliberately bad sample, to prove it fails and that its message names the file and the lesson.
/// </summary>
public sealed class GuardRailTests
{
    private static readonly SourceTree Source = SourceTree.Load();

    private static IReadOnlyDictionary<string, string> ContractSources => SourceTree.Under(Source.Files, "src/EdaService.Contracts/");

    private static IReadOnlyDictionary<string, string> ServiceSources => SourceTree.Under(Source.Files, "src/EdaService/");

    [Fact]
    public void Every_handler_does_its_work_through_the_unit_of_work_under_its_own_name()
    {
        Assert.NotEmpty(ServiceCode.Handlers);
        Passes(HandlerUnitOfWorkRule.Check(ServiceCode.Handlers.Select(h => h.Name), Source.Files));
    }

    [Fact]
    public void Every_contract_carries_its_timestamps_as_DateTimeOffset()
    {
        Assert.Contains(typeof(OrderPlaced), ServiceCode.Contracts);
        Passes(ContractTimestampRule.Check(ServiceCode.Contracts, ContractSources));
    }

    [Fact]
    public void No_contract_reads_the_local_clock()
    {
        Assert.NotEmpty(ContractSources);
        Passes(ContractClockRule.Check(ContractSources));
    }

    [Fact]
    public void Every_message_sent_or_published_is_declared_in_the_contracts_project()
    {
        Passes(PublishedContractRule.Check(ServiceSources, ServiceCode.Contracts, ServiceCode.Methods));
    }

    [Fact]
    public void The_unit_of_work_rule_fails_for_a_handler_that_saves_and_publishes_directly()
    {
        var sources = new Dictionary<string, string>
        {
            ["src/EdaService/Handlers/ShortcutHandler.cs"] = """
                internal sealed class ShortcutHandler(EdaServiceDbContext db, IBus bus) : IHandleMessages<OrderPlaced>
                {
                    public async Task Handle(OrderPlaced message)
                    {
                        await db.SaveChangesAsync();
                        await bus.Publish(new OrderAccepted(message.OrderId, message.Total, DateTimeOffset.UtcNow));
                    }
                }
                """,
        };

        var violation = Assert.Single(HandlerUnitOfWorkRule.Check(["ShortcutHandler"], sources));

        Assert.StartsWith("src/EdaService/Handlers/ShortcutHandler.cs: ShortcutHandler", violation);
        Assert.Contains(HandlerUnitOfWorkRule.Lesson, violation);
    }

    [Fact]
    public void The_unit_of_work_rule_fails_for_a_handler_that_borrows_another_handlers_name()
    {
        var sources = new Dictionary<string, string>
        {
            ["src/EdaService/Handlers/CopiedHandler.cs"] =
                "internal sealed class CopiedHandler(IUnitOfWork unitOfWork) { Task Run() => unitOfWork.ExecuteAsync(nameof(OrderPlacedHandler), _ => Task.CompletedTask); }",
        };

        Assert.Contains("src/EdaService/Handlers/CopiedHandler.cs", Assert.Single(HandlerUnitOfWorkRule.Check(["CopiedHandler"], sources)));
    }

    [Fact]
    public void The_timestamp_rule_fails_for_each_DateTime_property_naming_the_contracts_file()
    {
        var sources = new Dictionary<string, string>
        {
            ["src/EdaService.Contracts/LocalTimeSample.cs"] = "public sealed record LocalTimeSample(Guid Id, DateTime OccurredAt, DateTime? ShippedAt, DateTimeOffset AcceptedAt);",
        };

        var violations = ContractTimestampRule.Check([typeof(LocalTimeSample)], sources);

        Assert.Equal(2, violations.Count);
        Assert.StartsWith("src/EdaService.Contracts/LocalTimeSample.cs: LocalTimeSample.OccurredAt is a DateTime", violations[0]);
        Assert.Contains("LocalTimeSample.ShippedAt", violations[1]);
        Assert.All(violations, v => Assert.Contains(ContractTimestampRule.Lesson, v));
    }

    [Fact]
    public void The_clock_rule_fails_on_the_line_that_reads_the_local_clock_and_ignores_comments()
    {
        var sources = new Dictionary<string, string>
        {
            ["src/EdaService.Contracts/Stamped.cs"] = """
                // Never DateTime.Now here.
                public sealed record Stamped(DateTimeOffset At)
                {
                    public static Stamped Create() => new(DateTimeOffset.Now);
                }
                """,
        };

        var violation = Assert.Single(ContractClockRule.Check(sources));

        Assert.StartsWith("src/EdaService.Contracts/Stamped.cs:4: uses DateTimeOffset.Now", violation);
        Assert.Contains(ContractClockRule.Lesson, violation);
    }

    [Fact]
    public void The_published_contract_rule_fails_for_a_message_type_declared_in_the_service_or_one_it_cannot_tell()
    {
        var sources = new Dictionary<string, string>
        {
            ["src/EdaService/Handlers/NoticeHandler.cs"] = """
                internal sealed record InternalNotice(Guid Id);
                internal sealed class NoticeHandler(IBus bus)
                {
                    public async Task Handle(OrderPlaced message)
                    {
                        await bus.Publish(new InternalNotice(message.OrderId));
                        var accepted = new OrderAccepted(message.OrderId, message.Total, DateTimeOffset.UtcNow);
                        await bus.Defer(TimeSpan.FromSeconds(5), accepted);
                        await bus.Send(Build(message));
                        // await bus.Publish(new CommentedOut());
                        await bus.Advanced.TransportMessage.Defer(TimeSpan.FromSeconds(1));
                        await transport.Send("other-queue", received, scope.TransactionContext);
                        await inner.Send(destinationAddress, message, context);
                        await bus.Publish(new InternalNotice(message.OrderId), HeadersFrom(transactionContext));
                        await bus.Advanced.Routing.Send("other-queue", new InternalNotice(message.OrderId));
                        await bus.Advanced.Routing.Send(options.InputQueue, accepted);
                    }
                }
                """,
        };
        var methods = typeof(GuardRailTests).GetMethods().Where(m => m.Name == nameof(Build));

        var violations = PublishedContractRule.Check(sources, ServiceCode.Contracts, methods);

        Assert.Equal(4, violations.Count);
        Assert.StartsWith("src/EdaService/Handlers/NoticeHandler.cs:6: Publish of InternalNotice, which is not declared in the contracts project", violations[0]);
        Assert.StartsWith("src/EdaService/Handlers/NoticeHandler.cs:9: Send of LocalTimeSample", violations[1]);
        Assert.StartsWith("src/EdaService/Handlers/NoticeHandler.cs:14: Publish of InternalNotice", violations[2]);
        Assert.StartsWith("src/EdaService/Handlers/NoticeHandler.cs:15: Send of InternalNotice", violations[3]);
        Assert.All(violations, v => Assert.Contains(PublishedContractRule.Lesson, v));
        Assert.Contains("whose type the guard rail cannot tell",
            Assert.Single(PublishedContractRule.Check(new Dictionary<string, string> { ["a.cs"] = "await bus.Publish(Pick() ?? other);" }, ServiceCode.Contracts, [])));
    }

    public static LocalTimeSample Build(OrderPlaced message) => new(message.OrderId, default, null, message.PlacedAt);

    private static void Passes(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
}
