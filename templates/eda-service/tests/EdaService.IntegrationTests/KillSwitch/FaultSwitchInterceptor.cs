using EdaService.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdaService.IntegrationTests.KillSwitch;

/// <summary>
/// Fails a handler after its business write when <see cref="Fails"/> says so for the order being saved: a dependency
/// that is down (every order, switchable back to healthy) or poison messages (orders of one customer).
/// </summary>
internal sealed class FaultSwitchInterceptor(Func<Order, Exception?> fails) : SaveChangesInterceptor
{
    private int _failures;

    public int Failures => Volatile.Read(ref _failures);

    public static FaultSwitchInterceptor Outage(Func<bool> down) =>
        new(_ => down() ? new InvalidOperationException("injected fault: dependency down") : null);

    public static FaultSwitchInterceptor Poison(Func<Exception> fault) =>
        new(order => order.CustomerId.StartsWith(KillSwitchTests.PoisonCustomer, StringComparison.Ordinal) ? fault() : null);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        foreach (var entry in eventData.Context!.ChangeTracker.Entries<Order>())
        {
            if (fails(entry.Entity) is { } exception)
            {
                Interlocked.Increment(ref _failures);
                throw exception;
            }
        }

        return ValueTask.FromResult(result);
    }
}
