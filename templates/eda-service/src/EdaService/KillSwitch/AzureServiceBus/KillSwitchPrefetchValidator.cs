using EdaService.Messaging.AzureServiceBus;
using Microsoft.Extensions.Options;

namespace EdaService.KillSwitch;

/// <summary>
/// Refuses prefetch while the kill switch is on. Prefetched messages are locked in the client the moment they arrive;
/// when the switch stops consumption nobody takes them, their locks expire, each expiry counts a delivery at the broker,
/// and on resume the client hands out messages whose lock is gone (handled, then not completed: handled again), until a
/// queue with a low MaxDeliveryCount dead-letters them. Without prefetch an open switch holds no message at all.
/// </summary>
internal sealed class KillSwitchPrefetchValidator : IValidateOptions<PeekLockOptions>
{
    public ValidateOptionsResult Validate(string? name, PeekLockOptions options) =>
        options.Prefetch > 0
            ? ValidateOptionsResult.Fail(
                $"{PeekLockOptions.SectionName}:{nameof(options.Prefetch)} must be 0 with the kill switch ({KillSwitchOptions.SectionName}) " +
                $"(it was {options.Prefetch}): while the switch has consumption stopped, prefetched messages would sit in the client " +
                "until their locks expire, counting deliveries toward the dead-letter queue. Set Prefetch to 0, or generate the service with --kill-switch false.")
            : ValidateOptionsResult.Success;
}
