using System.Xml.Linq;

namespace EdaTemplates.Tests.Results;

/// <summary>Per-outcome test counts of a VSTest TRX file.</summary>
public sealed record TrxResult(int Total, int Passed, int Failed, int Skipped)
{
    private static readonly XNamespace TrxNamespace = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private static readonly string[] FailedOutcomes = ["Failed", "Error", "Timeout", "Aborted"];

    public static TrxResult Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>
    /// Counts the individual results rather than reading ResultSummary/Counters: VSTest leaves
    /// Counters.notExecuted at 0 for xunit's skipped tests, which appear only as NotExecuted results.
    /// </summary>
    public static TrxResult Parse(string trxXml)
    {
        var root = XDocument.Parse(trxXml).Root;
        if (root?.Name != TrxNamespace + "TestRun")
        {
            throw new FormatException("Not a TRX file: the root element is not TestRun.");
        }

        var outcomes = root.Descendants(TrxNamespace + "UnitTestResult")
            .Select(result => (string?)result.Attribute("outcome") ?? string.Empty)
            .ToArray();

        return new TrxResult(
            Total: outcomes.Length,
            Passed: outcomes.Count(outcome => outcome == "Passed"),
            Failed: outcomes.Count(FailedOutcomes.Contains),
            Skipped: outcomes.Count(outcome => outcome == "NotExecuted"));
    }

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped (total {Total})";
}
