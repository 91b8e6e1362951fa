using System.Diagnostics.CodeAnalysis;
using Xunit.Sdk;

namespace EdaTemplates.Tests.Variants;

/// <summary>Lets each variant be its own test case in discovery (filterable by name) rather than one opaque theory.</summary>
public sealed class VariantSerializer : IXunitSerializer
{
    public object Deserialize(Type type, string serializedValue)
    {
        var parts = serializedValue.Split(',');
        return new Variant(
            Enum.Parse<TransportKind>(parts[0]),
            Enum.Parse<DatabaseKind>(parts[1]),
            bool.Parse(parts[2]),
            bool.Parse(parts[3]),
            bool.Parse(parts[4]),
            bool.Parse(parts[5]),
            bool.Parse(parts[6]),
            bool.Parse(parts[7]),
            bool.Parse(parts[8]));
    }

    public bool IsSerializable(Type type, object? value, [NotNullWhen(false)] out string? failureReason)
    {
        failureReason = value is Variant ? null : $"{nameof(VariantSerializer)} only serializes non-null {nameof(Variant)} values";
        return failureReason is null;
    }

    public string Serialize(object value)
    {
        var variant = (Variant)value;
        return string.Join(',', variant.Transport, variant.Database, variant.Outbox, variant.Idempotency, variant.Ordering, variant.KillSwitch, variant.PeekLock, variant.IntegrationTests, variant.Validation);
    }
}
