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

        var warmUp = await WarmUpAsync(queues, arguments.Messages, arguments.WarmUpMinimum, arguments.WarmUpLimit);

        ServiceHost.SetWorkers(host, 0);
        await queues.FillAsync(arguments.Messages, "customer");
        var expected = warmUp + arguments.Messages;

        Console.WriteLine($"measuring {arguments.Messages} messages");
        var statements = await StatementProfile.StartAsync(arguments.ConnectionString);
        var cpu = new CpuMeter(arguments.ConnectionString);
        var stopwatch = Stopwatch.StartNew();
        ServiceHost.SetWorkers(host, workers);
        // Done when every OrderAccepted reached the subscriber: each is published only once its order committed. The
        // subscriber's queue is counted, not the orders table: a count over the growing table every 100 ms cost the
        // measured server about 8% of a core, more for the slower configurations. The orders are checked once at the end.
        await ServiceHost.WaitUntilAsync(
            async () => await queues.PublishedAsync() >= expected,
            TimeSpan.FromMinutes(20),
            $"{arguments.Messages} OrderAccepted published",
            // In memory the count is free; on the Database transport it is a query on the measured server.
            TimeSpan.FromMilliseconds(arguments.InMemory ? 10 : 100));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var (clientCpu, serverCpu) = cpu.Elapsed();
        // Read now, before the idle workers' polling inflates it.
        var profile = await statements.PerMessageAsync(arguments.Messages);
        if (await queues.OrdersAsync() is var stored && stored < expected)
        {
            throw new InvalidOperationException($"{expected} OrderAccepted were published but only {stored} orders are stored.");
        }

        var deadLetters = await queues.DeadLettersAsync();
        await host.StopAsync();

        return new
        {
            mode = "throughput",
            transport = arguments.Transport,
            messages = arguments.Messages,
            workers,
            warmUpMessages = warmUp,
            seconds,
            messagesPerSecond = arguments.Messages / seconds,
            deadLetters,
            clientCpuMsPerMessage = clientCpu / arguments.Messages,
            serverCpuMsPerMessage = serverCpu / arguments.Messages,
            statementsPerMessage = profile.Count > 0 ? profile.Sum(p => p.PerMessage) : (double?)null,
            statements = profile.Select(p => new { statement = p.Statement, perMessage = p.PerMessage }),
        };
    }

    /// <summary>
    /// Runs batches until the JIT has settled, so the measured run sees a service that has been running for a while,
    /// not one still being compiled. On 2 busy cores tiered compilation (instrumented code, then its optimized
    /// recompilation) goes on for 20-40 seconds; measured during that time, all off showed about half its later
    /// throughput. Settled = three batches in a row that compiled almost nothing (one quiet batch happens by chance
    /// while the tiering waits), and not before <paramref name="minimum"/>: in the first seconds the tiering has not
    /// begun (it waits until startup's compilations stop, and its background thread gets little of 2 busy cores), so
    /// three quiet batches came by chance there too, and a run measured after 2,000 messages showed half the settled
    /// figure. Gives up after <paramref name="limit"/> (quick mode). Returns the messages processed.
    /// </summary>
    private static async Task<int> WarmUpAsync(BenchQueues queues, int messages, TimeSpan minimum, TimeSpan limit)
    {
        const int QuietBatchesNeeded = 3;
        const int QuietCompilations = 20;
        var batch = Math.Clamp(messages / 10, 50, 500);
        var processed = 0;
        var quietBatches = 0;
        var earliest = DateTime.UtcNow + minimum;
        var deadline = DateTime.UtcNow + limit;
        while ((quietBatches < QuietBatchesNeeded || DateTime.UtcNow < earliest) && DateTime.UtcNow < deadline)
        {
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            await queues.FillAsync(batch, "warm-up");
            processed += batch;
            await WaitForAsync(queues, processed, TimeSpan.FromMinutes(5));
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore;
            quietBatches = compiled <= QuietCompilations ? quietBatches + 1 : 0;
            Console.WriteLine($"warm-up: {processed} messages, {compiled} methods compiled in the last batch");
        }

        return processed;
    }

    private static Task WaitForAsync(BenchQueues queues, int count, TimeSpan timeout) =>
        ServiceHost.WaitUntilAsync(
            async () => await queues.OrdersAsync() >= count && await queues.PublishedAsync() >= count,
            timeout,
            $"{count} warm-up orders stored and published");
}
