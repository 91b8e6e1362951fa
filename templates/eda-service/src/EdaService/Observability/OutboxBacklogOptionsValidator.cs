using Microsoft.Extensions.Options;

namespace EdaService.Observability;

/// <summary>Stops startup with the setting named, instead of polling in a tight loop or never.</summary>
internal sealed class OutboxBacklogOptionsValidator : IValidateOptions<OutboxBacklogOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxBacklogOptions options) =>
        options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail(
                $"{OutboxBacklogOptions.SectionName}:{nameof(OutboxBacklogOptions.PollInterval)} must be between 00:00:01 and 01:00:00 (is {options.PollInterval}).")
            : ValidateOptionsResult.Success;
}
