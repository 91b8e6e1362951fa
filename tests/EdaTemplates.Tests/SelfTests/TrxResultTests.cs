using EdaTemplates.Tests.Results;

namespace EdaTemplates.Tests.SelfTests;

public sealed class TrxResultTests
{
    [Fact]
    public void Results_are_counted_per_outcome_ignoring_the_summary_counters()
    {
        // Shaped like VSTest's output for xunit: skipped tests are NotExecuted results but not in Counters.notExecuted.
        const string trx = """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testName="a" outcome="Passed" />
                <UnitTestResult testName="b" outcome="Passed" />
                <UnitTestResult testName="c" outcome="Failed" />
                <UnitTestResult testName="d" outcome="Error" />
                <UnitTestResult testName="e" outcome="NotExecuted" />
                <UnitTestResult testName="f" outcome="NotExecuted" />
              </Results>
              <ResultSummary outcome="Failed">
                <Counters total="6" executed="4" passed="2" failed="1" error="1" timeout="0" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="0" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" />
                <RunInfos>
                  <RunInfo computerName="host" outcome="Warning" timestamp="2026-01-01T00:00:00" />
                </RunInfos>
              </ResultSummary>
            </TestRun>
            """;

        Assert.Equal(new TrxResult(Total: 6, Passed: 2, Failed: 2, Skipped: 2), TrxResult.Parse(trx));
    }

    [Fact]
    public void A_run_without_results_counts_nothing()
    {
        const string trx = """<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results /></TestRun>""";

        Assert.Equal(new TrxResult(0, 0, 0, 0), TrxResult.Parse(trx));
    }

    [Fact]
    public void Other_xml_is_rejected()
    {
        Assert.Throws<FormatException>(() => TrxResult.Parse("<testsuites />"));
    }
}
