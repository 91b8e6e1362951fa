using Microsoft.Extensions.Options;

namespace EdaService.Messaging.AzureServiceBus;

/// <summary>Fails startup, naming the option, when locks could expire before their messages are handled.</summary>
internal sealed class PeekLockOptionsValidator(IOptions<MessagingOptions> messaging) : IValidateOptions<PeekLockOptions>
{
    private const string Section = PeekLockOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, PeekLockOptions options)
    {
        var failures = new List<string>();
        if (options.LockDuration < TimeSpan.FromSeconds(5) || options.LockDuration > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:{nameof(options.LockDuration)} must be between 00:00:05 and 00:05:00 (it was {options.LockDuration}).");
        }

        if (options.Prefetch < 0)
        {
            failures.Add($"{Section}:{nameof(options.Prefetch)} must not be negative.");
        }

        if (options.MaxHandlingTime <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(options.MaxHandlingTime)} must be positive.");
        }

        if (options.Prefetch > 0 && options.AutoRenewLock)
        {
            failures.Add($"{Section}:{nameof(options.Prefetch)} > 0 turns lock renewal off in Rebus, contradicting " +
                         $"{Section}:{nameof(options.AutoRenewLock)} = true. Set Prefetch to 0, or AutoRenewLock to false.");
        }
        else if (!options.AutoRenewLock && failures.Count == 0)
        {
            // Without renewal the lock starts when a message is fetched. A prefetched message waits behind the ones
            // fetched before it: with P prefetched and N handled in parallel, the last waits ceil(P / N) rounds.
            var parallelism = Math.Max(1, messaging.Value.MaxParallelism);
            var rounds = 1 + (options.Prefetch + parallelism - 1) / parallelism;
            var worstCase = options.MaxHandlingTime * rounds;
            if (worstCase >= options.LockDuration)
            {
                failures.Add($"{Section}:{nameof(options.LockDuration)} ({options.LockDuration}) is shorter than the worst-case " +
                             $"time a message holds its lock ({worstCase}: {rounds} x {Section}:{nameof(options.MaxHandlingTime)} " +
                             $"with {Section}:{nameof(options.Prefetch)} = {options.Prefetch} and Messaging:MaxParallelism = {parallelism}). " +
                             "Locks would expire under load; lower Prefetch, raise LockDuration, or turn AutoRenewLock on.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
