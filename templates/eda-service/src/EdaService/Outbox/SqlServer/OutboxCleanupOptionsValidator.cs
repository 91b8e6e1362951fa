using Microsoft.Extensions.Options;

namespace EdaService.Outbox;

internal sealed class OutboxCleanupOptionsValidator : IValidateOptions<OutboxCleanupOptions>
{
    private const string Section = OutboxCleanupOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, OutboxCleanupOptions options)
    {
        var failures = new List<string>();
        if (options.Retention < TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(options.Retention)} must not be negative.");
        }

        if (options.Interval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(options.Interval)} must be positive.");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add($"{Section}:{nameof(options.BatchSize)} must be between 1 and 100000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
