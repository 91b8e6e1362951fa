using System.Text.RegularExpressions;

namespace EdaService.UnitTests.GuardRails;

/// <summary>Nothing in the contracts reads the local clock.</summary>
internal static partial class ContractClockRule
{
    public const string Lesson =
        "contracts never read the clock, least of all the local one (DateTime.Now, DateTime.Today, DateTimeOffset.Now): the " +
        "producer sets each timestamp from TimeProvider in UTC, so a default value cannot smuggle the server's time zone into an event";

    public static IReadOnlyList<string> Check(IReadOnlyDictionary<string, string> contractSources) =>
        contractSources
            .SelectMany(file => file.Value.Split('\n')
                .Select((line, index) => (line, number: index + 1))
                .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && LocalClock().IsMatch(l.line))
                .Select(l => $"{file.Key}:{l.number}: uses {LocalClock().Match(l.line).Value}. Lesson: {Lesson}."))
            .ToList();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|Today)\b")]
    private static partial Regex LocalClock();
}
