using EdaService.Validation;

namespace EdaService.UnitTests.Validation;

public sealed class TimestampCheckerTests
{
    [Theory]
    [InlineData("2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T10:00:00.1234567Z")]
    [InlineData("2026-03-01T10:00Z")]
    [InlineData("2026-03-01T10:00:00+00:00")]
    public void Utc_instants_are_accepted(string raw) => Assert.Null(TimestampChecker.Check(raw, NonUtcOffsetPolicy.Reject));

    [Theory]
    [InlineData("2026-03-01T10:00:00", "has no offset")]
    [InlineData("2026-03-01T10:00:00.123", "has no offset")]
    [InlineData("2026-03-01T10:00:00-00:00", "-00:00")]
    [InlineData("2026-03-01", "date without a time")]
    [InlineData("2026-03-01T10:00:00+02:00", "only UTC is accepted")]
    [InlineData("2026-03-01T10:00:00-05:00", "only UTC is accepted")]
    [InlineData("2026-03-01 10:00:00Z", "not an ISO 8601 timestamp")]
    [InlineData("1 March 2026", "not an ISO 8601 timestamp")]
    [InlineData("2026-03-01T10:00:00z", "not an ISO 8601 timestamp")]
    public void Local_ambiguous_and_non_utc_values_are_rejected_with_the_reason(string raw, string reason)
    {
        var problem = TimestampChecker.Check(raw, NonUtcOffsetPolicy.Reject);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
        Assert.Contains(raw, problem);
    }

    [Fact]
    public void The_non_utc_rejection_names_the_setting_that_allows_it()
    {
        Assert.Contains("Validation:NonUtcOffsets", TimestampChecker.Check("2026-03-01T10:00:00+02:00", NonUtcOffsetPolicy.Reject));
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00+02:00", true)]
    [InlineData("2026-03-01T10:00:00-09:30", true)]
    [InlineData("2026-03-01T10:00:00", false)]
    [InlineData("2026-03-01T10:00:00-00:00", false)]
    [InlineData("2026-03-01", false)]
    public void Normalizing_accepts_explicit_offsets_but_never_missing_or_unknown_ones(string raw, bool accepted) =>
        Assert.Equal(accepted, TimestampChecker.Check(raw, NonUtcOffsetPolicy.NormalizeToUtc) is null);
}
