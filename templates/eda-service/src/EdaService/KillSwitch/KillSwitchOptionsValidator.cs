using EdaService.Messaging;
using Microsoft.Extensions.Options;

namespace EdaService.KillSwitch;

/// <summary>Stops startup with the setting named, instead of a switch that trips on one bad message or never at all.</summary>
internal sealed class KillSwitchOptionsValidator(IOptions<MessagingOptions> messaging) : IValidateOptions<KillSwitchOptions>
{
    private const string Section = KillSwitchOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, KillSwitchOptions options)
    {
        var failures = new List<string>();
        if (options.Window < TimeSpan.FromSeconds(1) || options.Window > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}:{nameof(options.Window)} must be between 00:00:01 and 1.00:00:00 (it was {options.Window}).");
        }

        if (options.CoolDown < TimeSpan.FromSeconds(1) || options.CoolDown > TimeSpan.FromDays(1))
        {
            failures.Add($"{Section}:{nameof(options.CoolDown)} must be between 00:00:01 and 1.00:00:00 (it was {options.CoolDown}).");
        }

        var maxDeliveryAttempts = messaging.Value.MaxDeliveryAttempts;
        if (options.FailureThreshold <= maxDeliveryAttempts)
        {
            failures.Add($"{Section}:{nameof(options.FailureThreshold)} ({options.FailureThreshold}) must be larger than " +
                         $"Messaging:MaxDeliveryAttempts ({maxDeliveryAttempts}): every attempt counts, so a single poison message " +
                         "would trip the switch and stop the service.");
        }

        if (options.MinimumAttempts <= options.FailureThreshold)
        {
            failures.Add($"{Section}:{nameof(options.MinimumAttempts)} ({options.MinimumAttempts}) must be larger than " +
                         $"{Section}:{nameof(options.FailureThreshold)} ({options.FailureThreshold}), or the failure count never " +
                         "applies and a quiet service never trips.");
        }

        if (options.ConnectionFailureThreshold < 1 || options.ConnectionFailureThreshold > options.FailureThreshold)
        {
            failures.Add($"{Section}:{nameof(options.ConnectionFailureThreshold)} ({options.ConnectionFailureThreshold}) must be between 1 and " +
                         $"{Section}:{nameof(options.FailureThreshold)} ({options.FailureThreshold}): connection failures are the surest sign of an outage.");
        }

        if (!(options.FailureRateThreshold is > 0 and <= 1))
        {
            failures.Add($"{Section}:{nameof(options.FailureRateThreshold)} must be above 0 and at most 1 (it was {options.FailureRateThreshold}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
