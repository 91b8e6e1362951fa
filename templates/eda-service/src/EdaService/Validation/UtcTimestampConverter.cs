using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdaService.Validation;

/// <summary>
/// Writes every <see cref="DateTimeOffset"/> in UTC with 'Z' (System.Text.Json alone writes the value's own offset,
/// so a local <c>DateTimeOffset.Now</c> would leave as <c>+02:00</c>) and hands handlers UTC values. Which strings
/// are accepted at all is decided before deserialization, on the raw JSON, by <see cref="TimestampChecker"/>.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
