using Microsoft.Extensions.Options;

namespace EdaService.Ordering;

internal sealed class OrderingOptionsValidator : IValidateOptions<OrderingOptions>
{
    private const string Section = OrderingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, OrderingOptions options)
    {
        var failures = new List<string>();
        if (options.GapRetryDelay <= TimeSpan.Zero || options.GapRetryDelay > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:{nameof(options.GapRetryDelay)} must be between 0 and 01:00:00 (it was {options.GapRetryDelay}).");
        }

        if (options.MaxGapRetries < 1)
        {
            failures.Add($"{Section}:{nameof(options.MaxGapRetries)} must be at least 1 (it was {options.MaxGapRetries}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
