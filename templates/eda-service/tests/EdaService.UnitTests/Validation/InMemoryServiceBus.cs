using EdaService.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rebus.Activation;
using Rebus.Bus;
using Rebus.Config;
using Rebus.Retry.Simple;
using Rebus.Transport.InMem;

namespace EdaService.UnitTests.Validation;

/// <summary>A bus on Rebus's in-memory transport with the service's validation configured exactly as in production.</summary>
internal sealed class InMemoryServiceBus : IDisposable
{
    public const string InputQueue = "service";
    public const string ErrorQueue = "error";

    private InMemoryServiceBus(BuiltinHandlerActivator activator, InMemNetwork network)
    {
        Activator = activator;
        Network = network;
    }

    public BuiltinHandlerActivator Activator { get; }

    public InMemNetwork Network { get; }

    public IBus Bus => Activator.Bus;

    public static InMemoryServiceBus Start(Action<BuiltinHandlerActivator>? handlers = null)
    {
        var network = new InMemNetwork();
        var activator = new BuiltinHandlerActivator();
        handlers?.Invoke(activator);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging().AddSingleton(TimeProvider.System).AddSingleton<IBus>(_ => activator.Bus);
        builder.AddEventValidation();
        var services = builder.Services.BuildServiceProvider();

        var rebus = Configure.With(activator)
            .Logging(l => l.None())
            .Transport(t => t.UseInMemoryTransport(network, InputQueue));
        ValidationServiceExtensions.Configure(rebus, services);
        rebus.Options(o => o.RetryStrategy(errorQueueName: ErrorQueue, maxDeliveryAttempts: 3)).Start();
        return new InMemoryServiceBus(activator, network);
    }

    public void Dispose() => Activator.Dispose();
}
