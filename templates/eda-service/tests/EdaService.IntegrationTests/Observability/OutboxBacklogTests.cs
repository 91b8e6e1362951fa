using System.Diagnostics.Metrics;
using EdaService.IntegrationTests.Infrastructure;
using EdaService.IntegrationTests.Outbox;
using EdaService.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace EdaService.IntegrationTests.Observability;

/// <summary>The outbox backlog gauges on the real database, with the forwarder kept from sending by a trigger.</summary>
public sealed class OutboxBacklogTests(TestDatabase database)
{
#if (UsePostgreSql)
    private const string BlockForwarder = """
        CREATE FUNCTION eda_block_forwarder() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'injected fault: forwarder blocked'; END $$;
        CREATE TRIGGER eda_block_forwarder BEFORE DELETE OR UPDATE ON "outbox" FOR EACH ROW EXECUTE FUNCTION eda_block_forwarder();
        """;

    private const string UnblockForwarder = """
        DROP TRIGGER IF EXISTS eda_block_forwarder ON "outbox";
        DROP FUNCTION IF EXISTS eda_block_forwarder();
        """;
#else
    private const string BlockForwarder = "CREATE TRIGGER eda_block_forwarder ON [dbo].[Outbox] INSTEAD OF UPDATE, DELETE AS THROW 50000, 'injected fault: forwarder blocked', 1;";

    private const string UnblockForwarder = "DROP TRIGGER IF EXISTS eda_block_forwarder";
#endif

    [Fact]
    public async Task An_unsent_row_shows_as_pending_with_a_growing_lag_and_both_return_to_zero_once_sent()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, settings: OutboxTable.Settings(database.ConnectionString));
        var monitor = service.Services.GetRequiredService<OutboxBacklogMonitor>();
        using var gauges = new GaugeReader(service.Services.GetRequiredService<IMeterFactory>());

        await DatabaseServer.ExecuteAsync(database.ConnectionString, BlockForwarder);
        try
        {
            var placed = await service.PlaceOrderAsync();
            await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), order => order is not null, "the order row");

            await monitor.RefreshAsync(TestContext.Current.CancellationToken);
            Assert.True(gauges.Read(OutboxBacklog.PendingInstrument) >= 1, "an unsent row is pending");
            var lag = gauges.Read(OutboxBacklog.LagInstrument);
            Assert.InRange(lag, double.Epsilon, 60);
            await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
            Assert.True(gauges.Read(OutboxBacklog.LagInstrument) > lag, "the lag grows while the row stays unsent");
        }
        finally
        {
            await DatabaseServer.ExecuteAsync(database.ConnectionString, UnblockForwarder);
        }

        await Eventually.Until(
            async () =>
            {
                await monitor.RefreshAsync(TestContext.Current.CancellationToken);
                return (Pending: gauges.Read(OutboxBacklog.PendingInstrument), Lag: gauges.Read(OutboxBacklog.LagInstrument));
            },
            backlog => backlog is { Pending: 0, Lag: 0 },
            "the forwarder to drain the outbox");
    }

    /// <summary>Observes the gauges of the host's own meters only, as an exporter would collect them.</summary>
    private sealed class GaugeReader : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Dictionary<string, double> _values = [];

        public GaugeReader(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _values[instrument.Name] = value);
            _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _values[instrument.Name] = value);
            _listener.Start();
        }

        public double Read(string instrument)
        {
            _values.Clear();
            _listener.RecordObservableInstruments();
            return Assert.Contains(instrument, (IReadOnlyDictionary<string, double>)_values);
        }

        public void Dispose() => _listener.Dispose();
    }
}
