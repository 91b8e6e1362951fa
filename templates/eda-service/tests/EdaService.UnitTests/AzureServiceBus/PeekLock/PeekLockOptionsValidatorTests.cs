using EdaService.Messaging;
using EdaService.Messaging.AzureServiceBus;
using Microsoft.Extensions.Options;

namespace EdaService.UnitTests.AzureServiceBus.PeekLock;

public sealed class PeekLockOptionsValidatorTests
{
    private static PeekLockOptionsValidator Validator(int maxParallelism = 20) =>
        new(Options.Create(new MessagingOptions { InputQueue = "orders", MaxParallelism = maxParallelism }));

    [Fact]
    public void The_defaults_are_valid() => Assert.True(Validator().Validate(null, new PeekLockOptions()).Succeeded);

    [Theory]
    [InlineData(4)]
    [InlineData(301)]
    public void A_lock_duration_azure_refuses_is_named(int seconds)
    {
        var result = Validator().Validate(null, new PeekLockOptions { LockDuration = TimeSpan.FromSeconds(seconds) });

        Assert.Contains("AzureServiceBus:PeekLock:LockDuration", result.FailureMessage);
    }

    [Fact]
    public void Prefetch_with_lock_renewal_is_a_contradiction()
    {
        var result = Validator().Validate(null, new PeekLockOptions { Prefetch = 10, AutoRenewLock = true });

        Assert.True(result.Failed);
        Assert.Contains("AzureServiceBus:PeekLock:Prefetch", result.FailureMessage);
        Assert.Contains("AzureServiceBus:PeekLock:AutoRenewLock", result.FailureMessage);
    }

    [Fact]
    public void Prefetching_more_than_can_be_handled_within_the_lock_fails()
    {
        // 100 prefetched, 10 at a time, 30 s each: the last message waits 11 rounds = 5.5 minutes for a 1 minute lock.
        var options = new PeekLockOptions { Prefetch = 100, AutoRenewLock = false, LockDuration = TimeSpan.FromMinutes(1) };

        var result = Validator(maxParallelism: 10).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("AzureServiceBus:PeekLock:LockDuration", result.FailureMessage);
    }

    [Fact]
    public void A_small_prefetch_of_fast_handlers_fits_in_the_lock()
    {
        var options = new PeekLockOptions
        {
            Prefetch = 20, AutoRenewLock = false, LockDuration = TimeSpan.FromMinutes(1), MaxHandlingTime = TimeSpan.FromSeconds(5),
        };

        Assert.True(Validator(maxParallelism: 20).Validate(null, options).Succeeded);
    }

    [Fact]
    public void Without_renewal_or_prefetch_handling_must_still_fit_in_the_lock()
    {
        var options = new PeekLockOptions { AutoRenewLock = false, LockDuration = TimeSpan.FromSeconds(20), MaxHandlingTime = TimeSpan.FromSeconds(30) };

        Assert.Contains("AzureServiceBus:PeekLock:LockDuration", Validator().Validate(null, options).FailureMessage);
    }
}
