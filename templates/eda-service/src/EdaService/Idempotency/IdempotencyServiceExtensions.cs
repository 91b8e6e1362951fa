using EdaService.Data;
using Microsoft.Extensions.Options;

namespace EdaService.Idempotency;

public static class IdempotencyServiceExtensions
{
    /// <summary>
    /// Wraps the registered <see cref="IUnitOfWork"/> so every handler applies a message at most once, and keeps the
    /// processed-messages log within its retention. Call after the unit of work is registered.
    /// </summary>
    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdempotencyOptions>, IdempotencyOptionsValidator>();
        services.AddSingleton<ProcessedMessageLog>();
        services.AddHostedService<ProcessedMessagesCleanupService>();

        var registered = services.Single(descriptor => descriptor.ServiceType == typeof(IUnitOfWork));
        var innerType = registered.ImplementationType
                        ?? throw new InvalidOperationException("AddIdempotency expects IUnitOfWork registered by type.");
        services.Remove(registered);
        services.AddScoped(innerType);
        services.AddScoped<IUnitOfWork>(provider =>
            ActivatorUtilities.CreateInstance<IdempotentUnitOfWork>(provider, (IUnitOfWork)provider.GetRequiredService(innerType)));
        return builder;
    }
}
