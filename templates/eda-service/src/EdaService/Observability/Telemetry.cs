using System.Diagnostics;

namespace EdaService.Observability;

/// <summary>
/// The names this service's traces and metrics are published under. The meter is the one the kill switch already
/// uses, so one <c>AddMeter</c> exports every instrument of the service.
/// </summary>
internal static class Telemetry
{
    public const string SourceName = "EdaService";
    public const string MeterName = "EdaService";

    /// <summary>W3C trace context headers (https://www.w3.org/TR/trace-context/), carried on every outgoing message.</summary>
    public const string TraceParentHeader = "traceparent";
    public const string TraceStateHeader = "tracestate";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>"Ns.OrderPlaced, Assembly" becomes "OrderPlaced": a short, low-cardinality name for spans and metric tags.</summary>
    public static string ShortTypeName(string? typeHeader)
    {
        if (string.IsNullOrWhiteSpace(typeHeader))
        {
            return "unknown";
        }

        var fullName = typeHeader.Split(',', 2)[0].Trim();
        return fullName[(fullName.LastIndexOfAny(['.', '+']) + 1)..];
    }
}
