using System.Text.Json;
using EdaService.Contracts;

namespace EdaService.UnitTests.Validation;

[CollectionDefinition(nameof(TimeZoneIndependenceTests), DisableParallelization = true)]
public sealed class ProcessTimeZoneCollection;

/// <summary>
/// Changes the process's time zone (TZ), so it runs alone. Proves the check reads the raw string: System.Text.Json
/// alone accepts a local timestamp in every zone (and under UTC makes it look like 'Z'), the validator in none.
/// </summary>
[Collection(nameof(TimeZoneIndependenceTests))]
public sealed class TimeZoneIndependenceTests
{
    private const string LocalTimestamp = "2026-03-01T10:00:00";

    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("Asia/Kolkata", 330)]
    [InlineData("America/New_York", -300)]
    public void A_timestamp_without_offset_is_rejected_in_every_server_time_zone(string zone, int offsetMinutes)
    {
        var previous = Environment.GetEnvironmentVariable("TZ");
        try
        {
            SetTimeZone(zone);
            Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 3, 1)));

            var body = TestMessages.OrderPlaced();
            body["PlacedAt"] = LocalTimestamp;

            var deserialized = JsonSerializer.Deserialize<OrderPlaced>(body.ToJsonString())!;
            Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), deserialized.PlacedAt.Offset);

            var reasons = TestMessages.Validator().Validate(TestMessages.Raw<OrderPlaced>(body));
            Assert.Contains(reasons, r => r.StartsWith("PlacedAt:", StringComparison.Ordinal) && r.Contains("has no offset"));
        }
        finally
        {
            SetTimeZone(previous);
        }
    }

    private static void SetTimeZone(string? zone)
    {
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
    }
}
