using EdaTemplates.Tests.Variants;

namespace EdaTemplates.Tests.SelfTests;

public sealed class VariantMatrixTests
{
    [Fact]
    public void Defaults_variant_passes_no_options()
    {
        var defaults = Assert.Single(VariantMatrix.All, variant => variant.Name == "asb-sqlserver-defaults");

        Assert.Empty(defaults.CliArguments);
        Assert.Equal(Variant.Defaults, defaults);
    }

    [Fact]
    public void Names_and_option_sets_are_unique()
    {
        Assert.Equal(VariantMatrix.All.Count, VariantMatrix.All.Select(variant => variant.Name).Distinct().Count());
        Assert.Equal(VariantMatrix.All.Count, VariantMatrix.All.Select(variant => string.Join(' ', variant.CliArguments)).Distinct().Count());
    }

    [Fact]
    public void Matrix_covers_every_requested_combination()
    {
        string[] expected =
        [
            "asb-sqlserver-defaults",
            "asb-sqlserver-all-off",
            "asb-sqlserver-outbox-off",
            "asb-sqlserver-idempotency-off",
            "asb-sqlserver-ordering-off",
            "asb-sqlserver-kill-switch-off",
            "asb-sqlserver-peek-lock-off",
            "asb-sqlserver-integration-tests-off",
            "asb-sqlserver-validation-off",
            "db-sqlserver-all-on",
            "asb-postgresql-all-on",
            "db-postgresql-all-on",
            "db-postgresql-all-off",
            "db-postgresql-outbox-off",
            "db-postgresql-idempotency-off",
            "db-postgresql-ordering-off",
            "db-postgresql-kill-switch-off",
            "db-postgresql-peek-lock-off",
            "db-postgresql-integration-tests-off",
            "db-postgresql-validation-off",
        ];

        Assert.Equal(expected.Order(), VariantMatrix.All.Select(variant => variant.Name).Order());
    }

    [Fact]
    public void Cli_arguments_spell_each_non_default_option()
    {
        var variant = new Variant(TransportKind.Database, DatabaseKind.PostgreSql, Outbox: false, Idempotency: true, Ordering: true, KillSwitch: false, PeekLock: true, IntegrationTests: false, Validation: false);

        Assert.Equal(
            ["--transport", "Database", "--database", "PostgreSql", "--outbox", "false", "--kill-switch", "false", "--integration-tests", "false", "--validation", "false"],
            variant.CliArguments);
        Assert.Equal("db-postgresql-outbox-off-kill-switch-off-integration-tests-off-validation-off", variant.Name);
    }

    [Fact]
    public void Serializer_round_trips_every_variant()
    {
        var serializer = new VariantSerializer();

        foreach (var variant in VariantMatrix.All)
        {
            Assert.True(serializer.IsSerializable(typeof(Variant), variant, out _));
            Assert.Equal(variant, serializer.Deserialize(typeof(Variant), serializer.Serialize(variant)));
        }
    }
}
