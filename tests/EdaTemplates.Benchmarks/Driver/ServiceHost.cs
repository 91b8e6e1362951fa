using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Rebus.Bus;

namespace EdaService.BenchDriver;

/// <summary>The generated service's host, built by its own composition root, with the benchmark's queues.</summary>
internal static class ServiceHost
{
    public static async Task<IHost> StartAsync(DriverArguments arguments, BenchQueues queues, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Benchmark",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = arguments.ConnectionString,
            ["Messaging:InputQueue"] = BenchQueues.InputQueue,
            ["Messaging:ErrorQueue"] = BenchQueues.ErrorQueue,
            // One log line per message would measure the console, not the service.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Rebus"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(arguments.Settings);
        configureServices?.Invoke(builder.Services);
        builder.AddApplicationServices(queues.ServiceTransport);
        var host = builder.Build();
        await host.StartAsync();
        await queues.StartAsync();
        return host;
    }

    public static int ConfiguredWorkers(IHost host) => host.Services.GetRequiredService<IConfiguration>().GetValue("Messaging:Workers", 1);

    public static void SetWorkers(IHost host, int workers) =>
        host.Services.GetRequiredService<IBus>().Advanced.Workers.SetNumberOfWorkers(workers);

    public static int Workers(IHost host) => host.Services.GetRequiredService<IBus>().Advanced.Workers.Count;

    /// <summary>Polls until <paramref name="done"/> or the timeout, which fails the run with what was seen.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan timeout, string what, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {timeout.TotalSeconds:0}s waiting for {what}.");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(25));
        }
    }
}
