using EdaTemplates.Soak;
using EdaTemplates.Soak.Cluster;

namespace EdaTemplates.Tests.Proof;

/// <summary>
/// The crash soak's short version (tests/EdaTemplates.Soak; the long one is documented in README "Crash soak"): the
/// generated service with every switch on, as real processes, 1,000 messages, 3 SIGKILLs and a second instance on the
/// same queue. Fails on any message lost or applied twice, any event not delivered or applied twice downstream, a
/// non-empty error queue, or a kill switch that did not open and resume.
/// </summary>
public sealed class CrashSoakTests
{
    [Fact]
    public async Task No_message_is_lost_or_applied_twice_through_kills_an_outage_and_two_instances()
    {
        // Queues in a cluster of their own (events through the outbox), and a 30 s outage of the business database.
        var result = await RunAsync(new SoakOptions { Messages = 1_000, Kills = 3 });

        Assert.NotNull(result.Outage);
    }

    [Fact]
    public async Task With_the_queues_in_the_business_database_no_message_is_lost_or_applied_twice_through_kills_and_two_instances()
    {
        // The Database transport's default: events go straight into the queue table in the business transaction.
        await RunAsync(new SoakOptions { Messages = 1_000, Kills = 3, SharedDatabase = true, Outage = TimeSpan.Zero });
    }

    private static async Task<SoakResult> RunAsync(SoakOptions options)
    {
        if (PostgresBinaries.MissingReason() is { } missing)
        {
            Assert.Skip($"The crash soak needs its own PostgreSQL clusters: {missing}.");
        }

        // A new seed each run (printed in the report, to replay a failure with --seed).
        var output = TestContext.Current.TestOutputHelper;
        var result = await SoakRun.RunAsync(options, line => output?.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}"), TestContext.Current.CancellationToken);
        var report = SoakReport.Format(result);
        output?.WriteLine(report);

        Assert.True(result.Passed, report);
        Assert.Equal(options.Kills, result.Kills.Count);
        return result;
    }
}
