using System.Text.Json;
using EdaService.Contracts;
#if (UseValidation)
using EdaService.Validation;
using EdaService.Validation.Validators;
using FluentValidation;
#endif

namespace EdaService.UnitTests.Contracts;

/// <summary>The <see cref="SomethingHappened"/> contract: unambiguous timestamps, and (when events are validated) its rules.</summary>
public sealed class SomethingHappenedTests
{
    private static readonly DateTimeOffset OccurredAt = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

#if (OrderChange)
    private static SomethingHappened Valid() => new(Guid.NewGuid(), 2, OccurredAt);
#else
    private static SomethingHappened Valid() => new(Guid.NewGuid(), OccurredAt);
#endif

    [Fact]
    public void Timestamps_are_DateTimeOffset_never_DateTime()
    {
        // A DateTime loses the offset on the wire: a local time would be read as UTC by every consumer.
        var dateTimes = typeof(SomethingHappened).GetProperties()
            .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(DateTime))
            .Select(p => p.Name);

        Assert.Empty(dateTimes);
    }

#if (UseValidation)
    [Fact]
    public void Is_written_with_UTC_timestamps_and_read_back_unchanged()
    {
        var message = Valid() with { OccurredAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2)) };

        var json = JsonSerializer.Serialize(message, EventJson.SerializerOptions);

        Assert.Contains("\"2026-03-01T10:00:00Z\"", json);
        Assert.Equal(message.OccurredAt, JsonSerializer.Deserialize<SomethingHappened>(json, EventJson.SerializerOptions)!.OccurredAt);
    }

    [Fact]
    public void A_valid_message_passes() => Assert.True(new SomethingHappenedValidator().Validate(Valid()).IsValid);

    public static TheoryData<string, SomethingHappened> Invalid => new()
    {
#if (OrderChange)
        { nameof(SomethingHappened.OrderId), Valid() with { OrderId = Guid.Empty } },
        { nameof(SomethingHappened.Version), Valid() with { Version = 1 } },
#else
        { nameof(SomethingHappened.Id), Valid() with { Id = Guid.Empty } },
#endif
        { nameof(SomethingHappened.OccurredAt), Valid() with { OccurredAt = default } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_rule_fails_alone(string property, SomethingHappened message)
    {
        var failure = Assert.Single(new SomethingHappenedValidator().Validate(message).Errors);
        Assert.Equal(property, failure.PropertyName);
    }

    [Fact]
    public void Its_validator_is_registered_so_the_message_is_accepted()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.AddEventValidation();

        Assert.Contains(builder.Services, d => d.ServiceType == typeof(IValidator<SomethingHappened>));
    }
#else
    [Fact]
    public void Is_read_back_with_the_same_instant_and_offset()
    {
        var message = Valid() with { OccurredAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(2)) };

        var read = JsonSerializer.Deserialize<SomethingHappened>(JsonSerializer.Serialize(message))!;

        Assert.Equal(message, read);
        Assert.Equal(message.OccurredAt.Offset, read.OccurredAt.Offset);
    }
#endif
}
