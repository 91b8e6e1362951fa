using EdaService.Data;
using Npgsql;

namespace EdaService.UnitTests.Data.PostgreSql;

/// <summary>The service's PostgreSQL connections prepare their statements, unless the connection string decides.</summary>
public sealed class PreparingStatementsTests
{
    [Fact]
    public void A_connection_string_without_the_setting_prepares_statements()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseProvider.PreparingStatements("Host=db;Database=orders;Username=app"));

        Assert.Equal(DatabaseProvider.PreparedStatements, tuned.MaxAutoPrepare);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("orders", tuned.Database);
        Assert.Equal("app", tuned.Username);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)] // behind PgBouncer before 1.21 in transaction mode
    [InlineData("Host=db;MaxAutoPrepare=3", 3)]
    [InlineData("Host=db;max auto prepare=7", 7)]
    public void A_connection_string_that_sets_it_keeps_its_value(string connectionString, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseProvider.PreparingStatements(connectionString)).MaxAutoPrepare);
    }
}
