using System.Diagnostics.Metrics;
using EdaService.Observability;

namespace EdaService.Validation;

/// <summary>Rejection notices that could not be built or sent: the producer was not told, though the message is in the error queue.</summary>
internal sealed class RejectionNoticeMetrics(IMeterFactory meters)
{
    public const string FailedInstrument = "eda.rejection_notices.failed";

    private readonly Counter<long> _failed = meters.Create(Telemetry.MeterName).CreateCounter<long>(FailedInstrument, unit: "{notice}",
        description: "MessageRejected notices that could not be built or published; the rejected message still went to the error queue.");

    public void Failed(Exception exception) =>
        _failed.Add(1, new KeyValuePair<string, object?>("error.type", exception.GetType().FullName));
}
