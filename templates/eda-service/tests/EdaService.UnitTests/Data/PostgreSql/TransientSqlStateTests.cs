using EdaService.Data;
using EdaService.Messaging.Failures;
using Npgsql;

namespace EdaService.UnitTests.Data.PostgreSql;

/// <summary>Which PostgreSQL errors earn a delayed retry, and which are a lost server (kill-switch evidence).</summary>
public sealed class TransientSqlStateTests
{
    private static PostgresException Error(string sqlState) => new("test", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData("08006", true)] // connection failure
    [InlineData("08001", true)] // unable to establish connection
    [InlineData("57P01", true)] // admin shutdown
    [InlineData("57P03", true)] // cannot connect now (starting up)
    [InlineData("40001", false)] // serialization failure
    [InlineData("40P01", false)] // deadlock
    [InlineData("57014", false)] // statement cancelled (timeout)
    public void Transient_states(string sqlState, bool connectionFailure)
    {
        Assert.True(TransientFailures.IsTransient(new InvalidOperationException("handler", Error(sqlState))));
        Assert.Equal(connectionFailure, TransientFailures.IsConnectionFailure(Error(sqlState)));
    }

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("23502")] // not null violation
    [InlineData("42P01")] // undefined table: a deployment bug, not an outage
    [InlineData("22P02")] // invalid text representation
    public void Permanent_states(string sqlState)
    {
        Assert.False(DatabaseProvider.IsTransient(Error(sqlState)));
        Assert.False(TransientFailures.IsConnectionFailure(Error(sqlState)));
    }

    [Fact]
    public void A_broken_socket_under_npgsql_is_a_connection_failure() =>
        Assert.True(TransientFailures.IsConnectionFailure(new NpgsqlException("Exception while reading from stream", new IOException("reset"))));
}
