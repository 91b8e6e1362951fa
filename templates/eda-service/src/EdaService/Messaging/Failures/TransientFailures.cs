using System.Net.Sockets;
using EdaService.Data;

namespace EdaService.Messaging.Failures;

/// <summary>
/// Tells failures that waiting can fix (a database or broker unreachable, a timeout, a deadlock) from the rest. Only
/// these earn a delayed retry before the error queue; a bug or a bad message fails the same way in five minutes. Connection
/// failures are also outage evidence for the kill switch: no message can cause "connection refused".
/// </summary>
internal static class TransientFailures
{
    private const int MaxDepth = 16;

    /// <summary>The failure, or one of its causes, is transient (see <see cref="DatabaseProvider.IsTransient"/> for the database's).</summary>
    public static bool IsTransient(Exception exception) =>
        Causes(exception).Any(cause => IsConnectionFailureItself(cause) || cause is TimeoutException || DatabaseProvider.IsTransient(cause));

    /// <summary>The failure, or one of its causes, is a connection that could not be made or was lost.</summary>
    public static bool IsConnectionFailure(Exception exception) => Causes(exception).Any(IsConnectionFailureItself);

    private static bool IsConnectionFailureItself(Exception exception) =>
        exception is SocketException
        {
            SocketErrorCode: SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.ConnectionAborted
            or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.TimedOut
            or SocketError.HostNotFound or SocketError.TryAgain or SocketError.NotConnected or SocketError.Shutdown
        }
        || DatabaseProvider.IsConnectionFailure(exception);

    /// <summary>The exception and its inner exceptions, depth-first, bounded so that a cyclic chain cannot hang the failure path.</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<(Exception Exception, int Depth)>();
        pending.Push((exception, 0));
        while (pending.TryPop(out var current))
        {
            yield return current.Exception;
            if (current.Depth >= MaxDepth)
            {
                continue;
            }

            if (current.Exception is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push((inner, current.Depth + 1));
                }
            }
            else if (current.Exception.InnerException is { } inner)
            {
                pending.Push((inner, current.Depth + 1));
            }
        }
    }
}
