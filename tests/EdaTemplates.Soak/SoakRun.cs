using System.Diagnostics;
using EdaTemplates.Soak.Chaos;
using EdaTemplates.Soak.Cluster;
using EdaTemplates.Soak.Downstream;
using EdaTemplates.Soak.Ledger;
using EdaTemplates.Soak.Load;
using EdaTemplates.Soak.Service;
using EdaTemplates.Soak.Setup;
using Npgsql;

namespace EdaTemplates.Soak;

/// <summary>
/// One soak run: two PostgreSQL clusters (the queues, as the broker, and the business database that goes down; or one
/// holding both with <see cref="SoakOptions.SharedDatabase"/>), the
/// generated service as real processes, the feed, the disruptions, the wait until everything settled, the verdict.
/// </summary>
public static class SoakRun
{
    private const string InputQueue = "soak";
    private const string ErrorQueue = "error";
    // The generated service's table names (Messaging/DatabaseTransport/PostgreSqlQueues.cs).
    private const string MessagesTable = "messages";
    private const string SubscriptionsTable = "subscriptions";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    /// <param name="cancellationToken">Stops the run early (Ctrl+C); the clusters and processes are cleaned up either way.</param>
    public static async Task<SoakResult> RunAsync(SoakOptions options, Action<string> progress, CancellationToken cancellationToken = default)
    {
        var elapsed = Stopwatch.StartNew();
        var work = Path.GetFullPath(options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "eda-soak", DateTime.Now.ToString("yyyyMMdd-HHmmss")));
        if (Directory.Exists(work) && Directory.EnumerateFileSystemEntries(work).Any())
        {
            throw new ArgumentException($"The work directory {work} is not empty; give a new or empty one (it holds clusters and a build).");
        }

        Directory.CreateDirectory(work);
        progress($"work directory {work}; seed {options.Seed}");
        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException(PostgresBinaries.MissingReason());
        var ports = new HashSet<int>();
        var business = new PostgresCluster("business", binaries, Path.Combine(work, "pg-business"), PostgresCluster.FreePort(options.PortBase, ports));
        var queues = options.SharedDatabase
            ? business
            : new PostgresCluster("queues", binaries, Path.Combine(work, "pg-queues"), PostgresCluster.FreePort(options.PortBase, ports));
        var instances = new List<ServiceProcess>();
        DownstreamConsumer? downstream = null;
        var passed = false;
        try
        {
            var build = ServiceBuild.CreateAsync(ServiceBuild.FindRepositoryRoot(), work, progress);
            await Task.WhenAll(build, business.InitAndStartAsync(), options.SharedDatabase ? Task.CompletedTask : queues.InitAndStartAsync());
            progress(options.SharedDatabase
                ? $"PostgreSQL: queues in the business database, port {business.Port}"
                : $"PostgreSQL: queues on port {queues.Port}, business database on port {business.Port}");

            var log = new ServiceLog();
            var environment = ServiceEnvironment(options, business, queues);
            var logs = Path.Combine(work, "service-logs");
            instances.Add(new ServiceProcess("instance-a", build.Result, environment, logs, log));
            instances.Add(new ServiceProcess("instance-b", build.Result, environment, logs, log));
            instances[0].Start();
            await instances[0].WaitReadyAsync(ReadyTimeout);

            await using var businessData = NpgsqlDataSource.Create(business.ConnectionString);
            await using var queueData = NpgsqlDataSource.Create(queues.ConnectionString);
            await EffectAudit.InstallAsync(businessData);
            downstream = await DownstreamConsumer.StartAsync(queueData, queues.ConnectionString, MessagesTable, SubscriptionsTable);

            var probe = new QueueProbe(queueData, MessagesTable);
            var reader = new LedgerReader(businessData, queueData, probe, InputQueue, ErrorQueue);
            var script = new OrderScript(options.Messages, options.VersionsPerOrder, options.Seed);
            var gate = new FeedGate();
            var feeder = new Feeder(downstream.Transport, probe, gate, InputQueue, options.MaxBacklog);
            var random = new Random(options.Seed);
            var chaos = new ChaosRunner(instances[0], instances[1], business, log, reader, probe, InputQueue, feeder, gate,
                script.Messages.Count, options, random, progress);

            progress($"feeding {script.Messages.Count} messages for {script.Orders.Count} orders (backlog up to {feeder.MaxBacklog})");
            using var feedStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var feeding = feeder.RunAsync(script.Messages, feedStop.Token);
            try
            {
                await chaos.RunAsync(ChaosPlan.Create(options, random), feeding, cancellationToken);
            }
            catch
            {
                // The feeder may be held at the next disruption's share: release it, or the run never ends.
                await feedStop.CancelAsync();
                throw;
            }

            await feeding;
            progress("feed and disruptions done; waiting until queues, outbox and downstream settle");
            await new Settling(reader, probe, queueData, businessData, InputQueue, script, options.DrainTimeout, progress).WaitAsync(cancellationToken);

            await downstream.DisposeAsync();
            downstream = null;
            var verification = LedgerVerifier.Verify(await reader.ReadAsync(script.Orders));
            var result = new SoakResult(
                options, script.Orders.Count, verification, KillSwitchCheck.Verify(chaos.Outage, log.Transitions),
                chaos.Kills, instances.Sum(i => i.Starts), instances.SelectMany(i => i.UnexpectedExits).ToList(), chaos.Outage, log.Transitions,
                log.DuplicatesIgnored, log.StaleVersions, log.GapDeferrals, elapsed.Elapsed, work);
            passed = result.Passed;
            return result;
        }
        finally
        {
            foreach (var instance in instances.Where(i => i.IsRunning))
            {
                await instance.KillAsync();
            }

            if (downstream is not null)
            {
                await downstream.DisposeAsync();
            }

            if (!options.SharedDatabase)
            {
                await queues.DestroyAsync();
            }

            await business.DestroyAsync();
            if (passed && !options.KeepWorkDirectory)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static Dictionary<string, string?> ServiceEnvironment(SoakOptions options, PostgresCluster business, PostgresCluster queues) => new(ProcessTool.DotnetEnvironment)
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["Database__ConnectionString"] = business.ConnectionString,
        // The queues live in their own cluster, as on a broker: the business database can go down while they stay up.
        // Shared, the setting stays empty, as generated: the service then sends through the queue table, not the outbox.
        ["DatabaseTransport__ConnectionString"] = options.SharedDatabase ? null : queues.ConnectionString,
        ["Messaging__InputQueue"] = InputQueue,
        ["Messaging__ErrorQueue"] = ErrorQueue,
        ["KillSwitch__CoolDown"] = options.KillSwitchCoolDown.ToString("c"),
        ["Logging__Console__FormatterName"] = "json",
        ["Logging__LogLevel__Default"] = "Information",
    };
}
