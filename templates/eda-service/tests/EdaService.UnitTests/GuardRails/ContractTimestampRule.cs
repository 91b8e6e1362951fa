namespace EdaService.UnitTests.GuardRails;

/// <summary>Event contracts carry their timestamps as DateTimeOffset.</summary>
internal static class ContractTimestampRule
{
    public const string Lesson =
        "event timestamps are DateTimeOffset (sent in UTC): a DateTime loses the offset on the wire, so a consumer in another " +
        "time zone reads a local time as UTC (or the reverse) and orders, expires or reports events hours off";

    public static IReadOnlyList<string> Check(IEnumerable<Type> contracts, IReadOnlyDictionary<string, string> sources) =>
        contracts
            .SelectMany(contract => contract.GetProperties()
                .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(DateTime))
                .Select(p => $"{SourceTree.FileDeclaring(sources, contract.Name)}: {contract.Name}.{p.Name} is a DateTime. Lesson: {Lesson}."))
            .ToList();
}
