using System.Diagnostics.Metrics;
using EdaService.Observability;

namespace EdaService.Messaging.Failures;

/// <summary>
/// The failure path's own failures, which must never be silent: messages forced to the error queue by the redelivery
/// loop guard, and error handling that failed (a delivery whose failure could not be handled, or a fallback move).
/// </summary>
internal sealed class FailurePathMetrics
{
    public const string ForcedInstrument = "eda.messages.forced_to_error_queue";
    public const string ErrorHandlingFailedInstrument = "eda.error_handling.failed";

    private readonly Counter<long> _forced;
    private readonly Counter<long> _errorHandlingFailed;

    public FailurePathMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.MeterName);
        _forced = meter.CreateCounter<long>(ForcedInstrument, unit: "{message}",
            description: "Messages the redelivery loop guard moved to the error queue because handling their failure kept failing.");
        _errorHandlingFailed = meter.CreateCounter<long>(ErrorHandlingFailedInstrument, unit: "{failure}",
            description: "Failures while a failed message was handled (stage: escaped = the delivery ended with an exception; fallback = moved without the extras).");
    }

    public void Forced() => _forced.Add(1);

    public void ErrorHandlingFailed(string stage) => _errorHandlingFailed.Add(1, new KeyValuePair<string, object?>("eda.stage", stage));

    /// <summary>A short, single-line description of a failure for headers and logs.</summary>
    public static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}".ReplaceLineEndings(" ");
        return text.Length <= 500 ? text : text[..497] + "...";
    }
}
