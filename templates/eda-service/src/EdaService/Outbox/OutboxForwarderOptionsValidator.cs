using Microsoft.Extensions.Options;

namespace EdaService.Outbox;

/// <summary>Stops startup with the setting named, instead of polling in a tight loop or leaving rows unsent for good.</summary>
internal sealed class OutboxForwarderOptionsValidator : IValidateOptions<OutboxForwarderOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxForwarderOptions options) =>
        options.ForwarderPollInterval < TimeSpan.FromMilliseconds(100) || options.ForwarderPollInterval > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail(
                $"{OutboxForwarderOptions.SectionName}:{nameof(OutboxForwarderOptions.ForwarderPollInterval)} must be between 00:00:00.1 and 01:00:00 (is {options.ForwarderPollInterval}).")
            : ValidateOptionsResult.Success;
}
