using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdaService.IntegrationTests.KillSwitch;

/// <summary>
/// The business database refusing connections: every open fails at once, before any statement, as "connection
/// refused" does (much faster than a handler that reaches the database, so the same message comes round quickly).
/// </summary>
internal sealed class DatabaseDownInterceptor : DbConnectionInterceptor
{
    private volatile bool _down;
    private int _failures;

    /// <summary>Set once the service has started (it migrates its schema at startup).</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public int Failures => Volatile.Read(ref _failures);

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
        DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (!_down)
        {
            return ValueTask.FromResult(result);
        }

        Interlocked.Increment(ref _failures);
        throw new InvalidOperationException("injected fault: the database refuses connections");
    }
}
