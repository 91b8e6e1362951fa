using System.Diagnostics;

namespace EdaService.BenchDriver;

/// <summary>
/// Messages per second through the whole service: from starting the workers on a full input queue until every order
/// is stored and every OrderAccepted it publishes has reached the subscriber's queue (through the outbox when it has one).
/// </summary>
internal static class ThroughputRun
{
    public static async Task<object> RunAsync(DriverArguments arguments)
    {
        await using var queues = new BenchQueues(arguments);
        using var host = await ServiceHost.StartAsync(arguments, queues);
        var workers = ServiceHost.ConfiguredWorkers(host);

        // Warm-up: JIT, connection pools and EF Core's model, so the measured run sees a service that has been running.
        var warmUp = Math.Clamp(arguments.Messages / 10, 50, 500);
        await queues.FillAsync(warmUp, "warm-up");
        await WaitForAsync(queues, warmUp, TimeSpan.FromMinutes(5));

        ServiceHost.SetWorkers(host, 0);
        await queues.FillAsync(arguments.Messages, "customer");
        var expected = warmUp + arguments.Messages;

        var statements = await StatementProfile.StartAsync(arguments.ConnectionString);
        var cpu = new CpuMeter(arguments.ConnectionString);
        var stopwatch = Stopwatch.StartNew();
        ServiceHost.SetWorkers(host, workers);
        double? storedSeconds = null;
        IReadOnlyList<(string Statement, double PerMessage)> profile = [];
        await ServiceHost.WaitUntilAsync(
            async () =>
            {
                if (storedSeconds is null && await queues.OrdersAsync() >= expected)
                {
                    storedSeconds = stopwatch.Elapsed.TotalSeconds;
                    // Read here, before the idle workers' polling while the outbox forwarder catches up inflates it.
                    profile = await statements.PerMessageAsync(arguments.Messages);
                }

                return storedSeconds is not null && await queues.PublishedAsync() >= expected;
            },
            TimeSpan.FromMinutes(20),
            $"{arguments.Messages} orders stored and published");
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var (clientCpu, serverCpu) = cpu.Elapsed();
        var deadLetters = await queues.DeadLettersAsync();
        await host.StopAsync();

        return new
        {
            mode = "throughput",
            transport = arguments.Transport,
            messages = arguments.Messages,
            workers,
            seconds,
            messagesPerSecond = arguments.Messages / seconds,
            storedPerSecond = arguments.Messages / storedSeconds!.Value,
            deadLetters,
            clientCpuMsPerMessage = clientCpu / arguments.Messages,
            serverCpuMsPerMessage = serverCpu / arguments.Messages,
            statementsPerMessage = profile.Count > 0 ? profile.Sum(p => p.PerMessage) : (double?)null,
            statements = profile.Select(p => new { statement = p.Statement, perMessage = p.PerMessage }),
        };
    }

    private static Task WaitForAsync(BenchQueues queues, int count, TimeSpan timeout) =>
        ServiceHost.WaitUntilAsync(
            async () => await queues.OrdersAsync() >= count && await queues.PublishedAsync() >= count,
            timeout,
            $"{count} warm-up orders stored and published");
}
