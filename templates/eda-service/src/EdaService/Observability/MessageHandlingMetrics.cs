using System.Diagnostics.Metrics;

namespace EdaService.Observability;

/// <summary>Handled and failed delivery attempts and their duration, by message type, so a failing or slow handler shows on a dashboard.</summary>
internal sealed class MessageHandlingMetrics
{
    public const string HandledInstrument = "eda.messages.handled";
    public const string FailedInstrument = "eda.messages.failed";
    public const string DurationInstrument = "eda.messages.handling.duration";
    public const string MessageTypeTag = "eda.message.type";

    private readonly Counter<long> _handled;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _duration;

    public MessageHandlingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.MeterName);
        _handled = meter.CreateCounter<long>(HandledInstrument, unit: "{message}",
            description: "Delivery attempts whose handlers succeeded.");
        _failed = meter.CreateCounter<long>(FailedInstrument, unit: "{message}",
            description: "Delivery attempts whose handlers threw, by exception type; retried until the error queue.");
        _duration = meter.CreateHistogram<double>(DurationInstrument, unit: "s",
            description: "Time from receipt to the end of the handlers, successful or not.");
    }

    public void Handled(string messageType, TimeSpan duration)
    {
        var type = new KeyValuePair<string, object?>(MessageTypeTag, messageType);
        _handled.Add(1, type);
        _duration.Record(duration.TotalSeconds, type);
    }

    public void Failed(string messageType, Exception exception, TimeSpan duration)
    {
        var type = new KeyValuePair<string, object?>(MessageTypeTag, messageType);
        _failed.Add(1, type, new KeyValuePair<string, object?>("error.type", exception.GetType().FullName));
        _duration.Record(duration.TotalSeconds, type);
    }
}
