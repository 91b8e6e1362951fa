using EdaService.Idempotency;

namespace EdaService.UnitTests.Idempotency;

public sealed class IdempotencyOptionsValidatorTests
{
    [Fact]
    public void The_default_retention_covers_a_fourteen_day_replay_window()
    {
        var options = new IdempotencyOptions();

        Assert.True(options.Retention >= TimeSpan.FromDays(14));
        Assert.True(new IdempotencyOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Idempotency:Retention", 0.5, 60, 1000)]
    [InlineData("Idempotency:CleanupInterval", 14, 0, 1000)]
    [InlineData("Idempotency:CleanupBatchSize", 14, 60, 0)]
    public void An_invalid_setting_is_named(string setting, double retentionDays, int intervalMinutes, int batchSize)
    {
        var options = new IdempotencyOptions
        {
            Retention = TimeSpan.FromDays(retentionDays),
            CleanupInterval = TimeSpan.FromMinutes(intervalMinutes),
            CleanupBatchSize = batchSize,
        };

        var result = new IdempotencyOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage);
    }
}
