using Rebus.Messages;

namespace EdaService.Messaging.Envelope;

/// <summary>
/// What the headers this service reads must look like, whatever else is checked. A message id with a control character
/// or of 10 KB cannot be stored as the idempotency key, and PostgreSQL's jsonb refuses a NUL in a recorded header: such a
/// message would fail every attempt the same way. Each rule names the header, so the producer can fix it. Headers the
/// service does not read (<c>traceparent</c> is ignored when invalid, as W3C trace context asks) are not checked.
/// </summary>
internal static class EnvelopeRules
{
    /// <summary>Room for any id format (a GUID is 36), within the idempotency log's 255-character key.</summary>
    public const int MaxIdLength = 200;

    public const int MaxHeaderLength = 500;

    private static readonly (string Header, int MaxLength)[] Checked =
    [
        (Headers.MessageId, MaxIdLength),
        (Headers.CorrelationId, MaxIdLength),
        (Headers.Type, MaxHeaderLength),
        (Headers.ContentType, MaxHeaderLength),
        (Headers.ReturnAddress, MaxHeaderLength),
        (Headers.SenderAddress, MaxHeaderLength),
        (Headers.SentTime, MaxHeaderLength),
        (Headers.Intent, MaxHeaderLength),
    ];

    /// <summary>Without these no body can be read; Rebus's own errors for them do not name the header.</summary>
    private static readonly (string Header, string Reason)[] Required =
    [
        (Headers.Type, "missing; the header must name the message type"),
        (Headers.ContentType, "missing; the header must say application/json;charset=utf-8"),
    ];

    /// <summary>Adds a reason for every checked header that breaks a rule; adds nothing for a sound envelope.</summary>
    public static void Check(IReadOnlyDictionary<string, string> headers, List<string> reasons)
    {
        foreach (var (header, reason) in Required)
        {
            if (string.IsNullOrWhiteSpace(headers.GetValueOrDefault(header)))
            {
                reasons.Add($"{header}: {reason}");
            }
        }

        foreach (var (header, maxLength) in Checked)
        {
            if (!headers.TryGetValue(header, out var value) || value is null)
            {
                continue;
            }

            if (value.Length > maxLength)
            {
                reasons.Add($"{header}: {value.Length:N0} characters, longer than {maxLength}");
            }
            else if (!IsPrintable(value))
            {
                reasons.Add($"{header}: contains control characters or bytes that are not UTF-8");
            }
        }
    }

    /// <summary>No control character, no replacement character (what invalid UTF-8 decodes to), no unpaired surrogate.</summary>
    public static bool IsPrintable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || c == '\uFFFD')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="value"/> fit to quote back to a producer or into a log: control characters replaced, cut to
    /// <paramref name="maxLength"/>. A rejection notice must not carry what made the message bad.
    /// </summary>
    public static string Quote(string? value, int maxLength = MaxIdLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "(none)";
        }

        var printable = IsPrintable(value)
            ? value
            : new string(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD' ? '?' : c).ToArray());
        return printable.Length <= maxLength ? printable : printable[..(maxLength - 3)] + "...";
    }
}
