using Microsoft.Extensions.Options;

namespace EdaService.Idempotency;

/// <summary>Stops startup with the setting named, instead of silently forgetting processed messages too early.</summary>
internal sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyOptions>
{
    private const string Section = IdempotencyOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, IdempotencyOptions options)
    {
        var failures = new List<string>();
        if (options.Retention < TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}:{nameof(options.Retention)} must be at least 1.00:00:00 (it was {options.Retention}); " +
                         "a redelivered or replayed message older than the retention is applied again.");
        }

        if (options.CleanupInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(options.CleanupInterval)} must be positive.");
        }

        if (options.CleanupBatchSize is < 1 or > 100_000)
        {
            failures.Add($"{Section}:{nameof(options.CleanupBatchSize)} must be between 1 and 100000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
