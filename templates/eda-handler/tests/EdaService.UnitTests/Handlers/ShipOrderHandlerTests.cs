using System.Runtime.CompilerServices;
using EdaService.Contracts;
using EdaService.Data;
using EdaService.Handlers;
#if (UseIdempotency && !UseOrderChange)
using EdaService.Idempotency;
#endif
using EdaService.Messaging;
#if (UseValidation)
using FluentValidation;
#endif
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
#if (!UseOrderChange)
using Microsoft.Extensions.Logging.Abstractions;
#endif
using Rebus.Handlers;

namespace EdaService.UnitTests.Handlers;

/// <summary><see cref="ShipOrderHandler"/> is wired into the service and does its work through the service's building blocks.</summary>
public sealed class ShipOrderHandlerTests
{
    // TODO: build a real HandledEvent here once the handler reads its fields.
    private static readonly HandledEvent Message = (HandledEvent)RuntimeHelpers.GetUninitializedObject(typeof(HandledEvent));

    [Fact]
    public void Is_registered_and_its_event_subscribed_by_the_composition_root()
    {
        var builder = CreateBuilder();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IHandleMessages<HandledEvent>) && d.ImplementationType == typeof(ShipOrderHandler));
        Assert.Contains(builder.Services, d => d.ImplementationInstance is Subscription s && s.EventType == typeof(HandledEvent));
    }

#if (UseOrderChange)
    [Fact]
    public void Its_change_advances_the_order_to_the_events_version()
    {
        // The ordering guard applies only the next version; a change that left the version behind would make every
        // later change of this order wait as a gap.
        var order = Order.Accept(new OrderPlaced(Guid.NewGuid(), "customer-1", 10m, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);

        ShipOrderHandler.Apply(order, Message with { OrderId = order.Id, Version = Order.PlacedVersion + 1 });

        Assert.Equal(Order.PlacedVersion + 1, order.Version);
    }
#else
    [Fact]
    public async Task Does_its_work_once_inside_the_unit_of_work_under_its_own_name()
    {
        // The operation name keys the building blocks' records: a name copied from another handler would make the two
        // share them, and the second would skip its work as a duplicate.
        using var host = CreateBuilder().Build();
        using var scope = host.Services.CreateScope();
        var unitOfWork = new RecordingUnitOfWork();
        var handler = new ShipOrderHandler(scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>(), unitOfWork, NullLogger<ShipOrderHandler>.Instance);

        await handler.Handle(Message);

        Assert.Equal([nameof(ShipOrderHandler)], unitOfWork.Operations);
        Assert.Equal(1, unitOfWork.WorkRuns);
    }

    [Fact]
    public async Task A_failed_unit_of_work_fails_the_message_so_it_is_retried()
    {
        using var host = CreateBuilder().Build();
        using var scope = host.Services.CreateScope();
        var handler = new ShipOrderHandler(scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>(), new FailingUnitOfWork(), NullLogger<ShipOrderHandler>.Instance);

        await Assert.ThrowsAsync<TimeoutException>(() => handler.Handle(Message));
    }

    [Fact]
    public void Is_built_from_the_service_container_with_the_services_unit_of_work()
    {
        using var host = CreateBuilder().Build();
        using var scope = host.Services.CreateScope();

        // Only this handler is built: others of the same event may need the bus, which would connect on creation.
        Assert.NotNull(ActivatorUtilities.CreateInstance<ShipOrderHandler>(scope.ServiceProvider));
#if (UseIdempotency)
        Assert.IsType<IdempotentUnitOfWork>(scope.ServiceProvider.GetRequiredService<IUnitOfWork>());
#endif
    }
#endif
#if (UseValidation)

    [Fact]
    public void The_event_it_handles_has_a_validator_or_every_one_would_be_rejected()
    {
        Assert.Contains(CreateBuilder().Services, d => d.ServiceType == typeof(IValidator<HandledEvent>));
    }
#endif

    private static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "UnitTest" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Host=unused.invalid",
            ["Messaging:InputQueue"] = "unit-tests",
            ["AzureServiceBus:ConnectionString"] = "Endpoint=sb://unused.invalid/;SharedAccessKeyName=k;SharedAccessKey=v",
        });
        builder.AddApplicationServices();
        return builder;
    }

#if (!UseOrderChange)
    private sealed class RecordingUnitOfWork : IUnitOfWork
    {
        public List<string> Operations { get; } = [];

        public int WorkRuns { get; private set; }

        public async Task<UnitOfWorkResult> ExecuteAsync(string operation, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
        {
            Operations.Add(operation);
            WorkRuns++;
            await work(cancellationToken);
            return UnitOfWorkResult.Committed;
        }
    }

    private sealed class FailingUnitOfWork : IUnitOfWork
    {
        public Task<UnitOfWorkResult> ExecuteAsync(string operation, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
            throw new TimeoutException("the database did not answer");
    }
#endif
}
