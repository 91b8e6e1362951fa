using Microsoft.Extensions.Options;

namespace EdaService.Messaging;

/// <summary>Stops startup with the setting named, instead of failing on the first message.</summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    private const string Section = MessagingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.InputQueue))
        {
            failures.Add($"{Section}:{nameof(options.InputQueue)} is required: the queue this service consumes.");
        }

        if (string.IsNullOrWhiteSpace(options.ErrorQueue))
        {
            failures.Add($"{Section}:{nameof(options.ErrorQueue)} is required: failed messages must go somewhere they are kept.");
        }
        else if (string.Equals(options.ErrorQueue, options.InputQueue, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:{nameof(options.ErrorQueue)} must differ from {Section}:{nameof(options.InputQueue)}, or failed messages loop forever.");
        }

        if (options.Workers < 1)
        {
            failures.Add($"{Section}:{nameof(options.Workers)} must be at least 1 (it was {options.Workers}).");
        }

        if (options.MaxParallelism < 1)
        {
            failures.Add($"{Section}:{nameof(options.MaxParallelism)} must be at least 1 (it was {options.MaxParallelism}).");
        }

        if (options.MaxDeliveryAttempts < 1)
        {
            failures.Add($"{Section}:{nameof(options.MaxDeliveryAttempts)} must be at least 1 (it was {options.MaxDeliveryAttempts}).");
        }

        if (options.BackoffTimes.Any(time => time <= TimeSpan.Zero || time > TimeSpan.FromMinutes(1)))
        {
            failures.Add($"{Section}:{nameof(options.BackoffTimes)} entries must be between 0 and 1 minute.");
        }

        if (options.TransientRetryDelays.Any(delay => delay < TimeSpan.FromSeconds(1) || delay > TimeSpan.FromDays(1)))
        {
            failures.Add($"{Section}:{nameof(options.TransientRetryDelays)} entries must be between 1 second and 1 day.");
        }

        if (options.TransientRetryDelays.Length > 10)
        {
            failures.Add($"{Section}:{nameof(options.TransientRetryDelays)} has {options.TransientRetryDelays.Length} entries; at most 10.");
        }

        if (options.RedeliveryLoopLimit is < 1 or > 100)
        {
            failures.Add($"{Section}:{nameof(options.RedeliveryLoopLimit)} must be between 1 and 100 (it was {options.RedeliveryLoopLimit}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
