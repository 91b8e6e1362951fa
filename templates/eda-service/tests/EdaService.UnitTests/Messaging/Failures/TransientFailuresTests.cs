using System.Net.Sockets;
using EdaService.Messaging.Failures;

namespace EdaService.UnitTests.Messaging.Failures;

/// <summary>Only failures that waiting can fix earn a delayed retry; only lost connections count as outage evidence.</summary>
public sealed class TransientFailuresTests
{
    public static TheoryData<string, Exception> Transient => new()
    {
        { "connection refused", new SocketException((int)SocketError.ConnectionRefused) },
        { "connection reset", new SocketException((int)SocketError.ConnectionReset) },
        { "a timeout", new TimeoutException("the command timed out") },
        { "wrapped twice", new InvalidOperationException("handler failed", new AggregateException(new IOException("write", new SocketException((int)SocketError.ConnectionReset)))) },
        { "in an aggregate beside a permanent one", new AggregateException(new ArgumentException("bad"), new TimeoutException()) },
    };

    public static TheoryData<string, Exception> Permanent => new()
    {
        { "a bug", new InvalidOperationException("Sequence contains no elements") },
        { "a bad argument", new ArgumentException("quantity") },
        { "a socket error no wait fixes", new SocketException((int)SocketError.AccessDenied) },
        { "a message that cannot be deserialized", new FormatException("not JSON") },
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void A_failure_waiting_can_fix_is_transient(string _, Exception failure) =>
        Assert.True(TransientFailures.IsTransient(failure));

    [Theory]
    [MemberData(nameof(Permanent))]
    public void A_failure_that_fails_the_same_way_later_is_not(string _, Exception failure) =>
        Assert.False(TransientFailures.IsTransient(failure));

    [Fact]
    public void A_timeout_is_transient_but_not_a_lost_connection()
    {
        Assert.True(TransientFailures.IsTransient(new TimeoutException()));
        Assert.False(TransientFailures.IsConnectionFailure(new TimeoutException()));
    }

    [Fact]
    public void A_refused_connection_deep_in_the_chain_is_a_connection_failure()
    {
        Exception failure = new SocketException((int)SocketError.ConnectionRefused);
        for (var i = 0; i < 10; i++)
        {
            failure = new InvalidOperationException($"layer {i}", failure);
        }

        Assert.True(TransientFailures.IsConnectionFailure(failure));
    }

    [Fact]
    public void A_chain_deeper_than_the_bound_is_cut_rather_than_walked_forever()
    {
        Exception failure = new SocketException((int)SocketError.ConnectionRefused);
        for (var i = 0; i < 1_000; i++)
        {
            failure = new InvalidOperationException($"layer {i}", failure);
        }

        Assert.False(TransientFailures.IsTransient(failure));
    }
}
