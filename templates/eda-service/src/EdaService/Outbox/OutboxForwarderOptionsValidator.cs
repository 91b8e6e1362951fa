using Microsoft.Extensions.Options;

namespace EdaService.Outbox;

/// <summary>Stops startup with the setting named, instead of polling in a tight loop or leaving rows unsent for good.</summary>
internal sealed class OutboxForwarderOptionsValidator : IValidateOptions<OutboxForwarderOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxForwarderOptions options) =>
        options.ForwarderPollInterval < TimeSpan.FromSeconds(1) || options.ForwarderPollInterval > TimeSpan.FromHours(1)
        || options.ForwarderPollInterval.Ticks % TimeSpan.TicksPerSecond != 0
            ? ValidateOptionsResult.Fail(
                $"{OutboxForwarderOptions.SectionName}:{nameof(OutboxForwarderOptions.ForwarderPollInterval)} must be whole seconds between 00:00:01 and 01:00:00 (is {options.ForwarderPollInterval}).")
            : ValidateOptionsResult.Success;
}
