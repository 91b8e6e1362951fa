using System.Text.Json;
using EdaService.Messaging.Envelope;
using FluentValidation;
using Rebus.Messages;
using Rebus.Serialization;

namespace EdaService.Validation;

/// <summary>
/// Decides whether a transport message is one this service accepts: sound headers (<see cref="EnvelopeRules"/>), a known type, a UTF-8 JSON body of sane size,
/// the wire format of its type (<see cref="WireFormatChecker"/>), then the type's FluentValidation rules. The same
/// check runs on incoming and outgoing messages, so the service never sends what it would reject.
/// </summary>
internal sealed class MessageValidator
{
    /// <summary>
    /// Reasons beyond this are summarised, and longer ones cut, so a hostile body cannot blow up the error queue's headers
    /// (Azure Service Bus allows 64 KB of them) or the MessageRejected notice: reasons quote what the producer sent.
    /// </summary>
    public const int MaxReasons = 20;
    public const int MaxReasonLength = 300;

    private readonly Dictionary<string, (Type Type, IValidator Rules)> _contracts;
    private readonly ValidationOptions _options;
    private readonly WireFormatChecker _wireFormat;

    public MessageValidator(IEnumerable<(Type Type, IValidator Rules)> contracts, IMessageTypeNameConvention typeNames, ValidationOptions options)
    {
        // Type names are looked up here, never resolved with Type.GetType: an arbitrary name must not load arbitrary types.
        _contracts = contracts.ToDictionary(c => typeNames.GetTypeName(c.Type), c => c, StringComparer.Ordinal);
        _options = options;
        _wireFormat = new WireFormatChecker(EventJson.SerializerOptions, options);
    }

    public static MessageValidator Create(IServiceProvider services, IMessageTypeNameConvention typeNames, ValidationOptions options) =>
        new(services.GetServices<MessageContract>().Select(c =>
                (c.MessageType, (IValidator)services.GetRequiredService(typeof(IValidator<>).MakeGenericType(c.MessageType)))),
            typeNames,
            options);

    /// <summary>Every rule <paramref name="message"/> breaks; empty when it is acceptable.</summary>
    public IReadOnlyList<string> Validate(TransportMessage message)
    {
        var reasons = new List<string>();
        var contract = CheckEnvelope(message, reasons);
        if (message.Body.Length > 0 && message.Body.Length <= _options.MaxBodyBytes)
        {
            CheckJson(message.Body, contract, reasons);
        }

        var listed = reasons.Take(MaxReasons).Select(r => r.Length <= MaxReasonLength ? r : r[..(MaxReasonLength - 3)] + "...");
        return reasons.Count <= MaxReasons ? [.. listed] : [.. listed, $"... and {reasons.Count - MaxReasons} more"];
    }

    private void CheckJson(byte[] body, (Type Type, IValidator Rules)? contract, List<string> reasons)
    {
        // JsonDocument accepts invalid UTF-8 inside a string and throws only when the string is read, outside any
        // reason: the message would be retried with the same bytes instead of refused.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            reasons.Add("body: not valid UTF-8");
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, EventJson.DocumentOptions);
        }
        catch (JsonException exception)
        {
            reasons.Add($"body: not valid JSON ({exception.Message})");
            return;
        }

        using (document)
        {
            if (contract is { } known)
            {
                CheckBody(document.RootElement, known, reasons);
            }
        }
    }

    private (Type Type, IValidator Rules)? CheckEnvelope(TransportMessage message, List<string> reasons)
    {
        (Type, IValidator)? contract = null;
        EnvelopeRules.Check(message.Headers, reasons);
        var typeName = message.Headers.GetValueOrDefault(Headers.Type);
        // A missing type or content type is one of EnvelopeRules' reasons.
        if (!string.IsNullOrWhiteSpace(typeName))
        {
            if (_contracts.TryGetValue(typeName, out var known))
            {
                contract = known;
            }
            else
            {
                reasons.Add($"{Headers.Type}: '{EnvelopeRules.Quote(typeName, MaxReasonLength / 2)}' is not a message type this service knows");
            }
        }

        var contentType = message.Headers.GetValueOrDefault(Headers.ContentType);
        if (!string.IsNullOrWhiteSpace(contentType) && !IsUtf8Json(contentType))
        {
            reasons.Add($"{Headers.ContentType}: '{EnvelopeRules.Quote(contentType, MaxReasonLength / 2)}' is not UTF-8 JSON (application/json;charset=utf-8)");
        }

        if (message.Body.Length == 0)
        {
            reasons.Add("body: empty");
        }
        else if (message.Body.Length > _options.MaxBodyBytes)
        {
            reasons.Add($"body: {message.Body.Length:N0} bytes, over the limit of {_options.MaxBodyBytes:N0} " +
                        $"({ValidationOptions.SectionName}:{nameof(ValidationOptions.MaxBodyBytes)})");
        }

        return contract;
    }

    private void CheckBody(JsonElement body, (Type Type, IValidator Rules) contract, List<string> reasons)
    {
        var wireFailures = new List<string>();
        _wireFormat.Check(body, contract.Type, "", wireFailures);
        if (wireFailures.Count > 0)
        {
            // Business rules on a partial message would judge defaults the producer never sent.
            reasons.AddRange(wireFailures);
            return;
        }

        object? message;
        try
        {
            message = body.Deserialize(contract.Type, EventJson.SerializerOptions);
        }
        catch (JsonException exception)
        {
            reasons.Add($"body: does not match {contract.Type.Name} ({exception.Message})");
            return;
        }

        var result = contract.Rules.Validate(new ValidationContext<object>(message!));
        reasons.AddRange(result.Errors.Select(error => $"{error.PropertyName}: {error.ErrorMessage}"));
    }

    private static bool IsUtf8Json(string? contentType)
    {
        var parts = (contentType ?? "").Split(';', StringSplitOptions.TrimEntries);
        return string.Equals(parts[0], "application/json", StringComparison.OrdinalIgnoreCase)
               && parts.Skip(1).All(p => !p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase)
                                         || string.Equals(p, "charset=utf-8", StringComparison.OrdinalIgnoreCase));
    }
}
