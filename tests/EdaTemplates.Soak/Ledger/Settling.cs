using EdaTemplates.Soak.Downstream;
using EdaTemplates.Soak.Load;
using Npgsql;

namespace EdaTemplates.Soak.Ledger;

/// <summary>
/// Waits until the input queue and the outbox are empty, every message's effect is in and every order's event reached
/// the downstream consumer, or until nothing has changed for the drain timeout (then the verifier names what is missing).
/// </summary>
internal sealed class Settling(
    LedgerReader reader, QueueProbe probe, NpgsqlDataSource queues, NpgsqlDataSource business, string inputQueue,
    OrderScript script, TimeSpan drainTimeout, Action<string> progress)
{
    private static readonly TimeSpan QuietPatience = TimeSpan.FromSeconds(15);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var last = "";
        var lastChange = DateTimeOffset.UtcNow;
        var lastReport = DateTimeOffset.MinValue;
        while (true)
        {
            var state = await ReadAsync();
            if (state is { Input: 0, Outbox: 0 } && state.Effects >= script.Messages.Count && state.DownstreamOrders >= script.Orders.Count)
            {
                progress($"settled: {state.Effects} effects, {state.DownstreamOrders} orders accepted downstream");
                return;
            }

            var now = DateTimeOffset.UtcNow;
            // With every queue and the outbox empty nothing more can arrive: what is missing went to the error queue.
            var patience = state is { Input: 0, Outbox: 0, Downstream: 0 } ? QuietPatience : drainTimeout;
            if (state.ToString() != last)
            {
                last = state.ToString();
                lastChange = now;
            }
            else if (now - lastChange > patience)
            {
                progress($"nothing changed for {patience.TotalSeconds:0} s ({state}); verifying what is there");
                return;
            }

            if (now - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = now;
                progress($"settling: {state}");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task<State> ReadAsync()
    {
        await using var downstream = queues.CreateCommand("SELECT count(DISTINCT order_id) FROM soak_downstream_effects");
        return new State(
            await probe.CountAsync(inputQueue),
            await probe.CountAsync(DownstreamConsumer.Queue),
            await reader.OutboxCountAsync(),
            await EffectAudit.CountAsync(business),
            Convert.ToInt32(await downstream.ExecuteScalarAsync()));
    }

    private sealed record State(int Input, int Downstream, int Outbox, int Effects, int DownstreamOrders)
    {
        public override string ToString() =>
            $"input queue {Input}, downstream queue {Downstream}, outbox {Outbox}, effects {Effects}, orders accepted downstream {DownstreamOrders}";
    }
}
