using EdaService.Data;
using Npgsql;

namespace EdaService.UnitTests.Data.PostgreSql;

/// <summary>
/// The service's PostgreSQL connections prepare their statements and go back to the pool without a reset, unless the
/// connection string decides.
/// </summary>
public sealed class PooledConnectionStringTests
{
    [Fact]
    public void A_connection_string_without_the_settings_prepares_statements_and_skips_the_reset()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseProvider.Pooled("Host=db;Database=orders;Username=app"));

        Assert.Equal(DatabaseProvider.PreparedStatements, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("orders", tuned.Database);
        Assert.Equal("app", tuned.Username);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)] // behind PgBouncer before 1.21 in transaction mode
    [InlineData("Host=db;MaxAutoPrepare=3", 3)]
    [InlineData("Host=db;max auto prepare=7", 7)]
    public void A_connection_string_that_sets_the_preparation_keeps_its_value(string connectionString, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseProvider.Pooled(connectionString)).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")] // code of yours that sets session state
    [InlineData("Host=db;noresetonclose=False")]
    public void A_connection_string_that_asks_for_the_reset_keeps_it(string connectionString)
    {
        Assert.False(new NpgsqlConnectionStringBuilder(DatabaseProvider.Pooled(connectionString)).NoResetOnClose);
    }
}
