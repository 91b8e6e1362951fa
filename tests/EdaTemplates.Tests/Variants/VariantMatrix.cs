namespace EdaTemplates.Tests.Variants;

public static class VariantMatrix
{
    public static IReadOnlyList<Variant> All { get; } = Enumerate().Distinct().ToArray();

    public static TheoryData<Variant> AllVariants => new(All);

    public static TheoryData<Variant> VariantsWithIntegrationTests => new(All.Where(variant => variant.IntegrationTests));

    private static IEnumerable<Variant> Enumerate()
    {
        var defaults = Variant.Defaults;
        yield return defaults;
        yield return defaults.WithAllSwitchesOff();
        foreach (var flipped in EachSwitchOff(defaults))
        {
            yield return flipped;
        }

        yield return defaults with { Transport = TransportKind.Database };
        yield return defaults with { Database = DatabaseKind.PostgreSql };

        foreach (var transport in Enum.GetValues<TransportKind>())
        {
            foreach (var database in Enum.GetValues<DatabaseKind>())
            {
                yield return defaults with { Transport = transport, Database = database };
            }
        }

        var databaseOnPostgreSql = defaults with { Transport = TransportKind.Database, Database = DatabaseKind.PostgreSql };
        yield return databaseOnPostgreSql;
        yield return databaseOnPostgreSql.WithAllSwitchesOff();
        foreach (var flipped in EachSwitchOff(databaseOnPostgreSql))
        {
            yield return flipped;
        }
    }

    private static IEnumerable<Variant> EachSwitchOff(Variant baseline)
    {
        yield return baseline with { Outbox = false };
        yield return baseline with { Idempotency = false };
        yield return baseline with { Ordering = false };
        yield return baseline with { KillSwitch = false };
        yield return baseline with { PeekLock = false };
        yield return baseline with { IntegrationTests = false };
        yield return baseline with { Validation = false };
    }
}
