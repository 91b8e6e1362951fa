using System.Text.Json;
using EdaService.Contracts;
using EdaService.Validation;

namespace EdaService.UnitTests.Validation;

public sealed class UtcTimestampConverterTests
{
    [Fact]
    public void Outgoing_timestamps_are_written_in_utc_with_Z_whatever_offset_the_value_had()
    {
        var local = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2));

        var json = JsonSerializer.Serialize(new OrderAccepted(Guid.NewGuid(), "c", 1m, local), EventJson.SerializerOptions);

        Assert.Contains("\"AcceptedAt\":\"2026-03-01T10:00:00Z\"", json);
    }

    [Fact]
    public void Incoming_explicit_offsets_are_normalized_to_utc()
    {
        var read = JsonSerializer.Deserialize<DateTimeOffset>("\"2026-03-01T12:00:00+02:00\"", EventJson.SerializerOptions);

        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), read);
    }
}
