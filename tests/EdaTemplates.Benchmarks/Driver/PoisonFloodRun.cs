using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdaService.BenchDriver;

/// <summary>
/// A poison flood: every message in a full input queue fails its handler (the dependency behind SaveChanges is down).
/// Counts the messages dead-lettered before consumption stops; without a kill switch that is the whole queue.
/// </summary>
internal static class PoisonFloodRun
{
    public static async Task<object> RunAsync(DriverArguments arguments)
    {
        await using var queues = new BenchQueues(arguments);
        var poison = new PoisonInterceptor();
        using var host = await ServiceHost.StartAsync(arguments, queues, services => services.AddSingleton<IInterceptor>(poison));
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var workers = ServiceHost.ConfiguredWorkers(host);

        ServiceHost.SetWorkers(host, 0);
        await queues.FillAsync(arguments.Messages, "poison");
        var stopwatch = Stopwatch.StartNew();
        ServiceHost.SetWorkers(host, workers);

        var health = host.Services.GetRequiredService<HealthCheckService>();
        await ServiceHost.WaitUntilAsync(
            async () => ServiceHost.Workers(host) == 0 && (await health.CheckHealthAsync()).Entries.Any(IsOpenKillSwitch)
                        || await queues.WaitingAsync() == 0,
            TimeSpan.FromMinutes(30),
            "consumption to stop or the queue to empty",
            TimeSpan.FromMilliseconds(100));
        var secondsToStop = stopwatch.Elapsed.TotalSeconds;

        // Messages in flight when it tripped finish, and those the gate turned away go back to the queue.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var deadLetters = await queues.DeadLettersAsync();
        var waiting = await queues.WaitingAsync();
        await host.StopAsync();

        return new
        {
            mode = "flood",
            transport = arguments.Transport,
            messages = arguments.Messages,
            workers,
            maxParallelism = configuration.GetValue("Messaging:MaxParallelism", 0),
            failureThreshold = configuration.GetValue("KillSwitch:FailureThreshold", 0),
            failedAttempts = poison.Failures,
            secondsToStop,
            deadLetters,
            waiting,
        };
    }

    private static bool IsOpenKillSwitch(KeyValuePair<string, HealthReportEntry> entry) =>
        entry.Key.Contains("kill", StringComparison.OrdinalIgnoreCase) && entry.Value.Status == HealthStatus.Unhealthy;
}
