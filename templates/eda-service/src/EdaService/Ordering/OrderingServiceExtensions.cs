using EdaService.Contracts;
using EdaService.Handlers;
using EdaService.Messaging;
using Microsoft.Extensions.Options;
using Rebus.Config;

namespace EdaService.Ordering;

public static class OrderingServiceExtensions
{
    /// <summary>Versioned order changes, applied in version order with tombstones for cancellations.</summary>
    public static IHostApplicationBuilder AddOrdering(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OrderingOptions>().BindConfiguration(OrderingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrderingOptions>, OrderingOptionsValidator>();
        services.AddScoped<GapDeferral>();
        services.AddScoped<OrderChanges>();
        services.AddRebusHandler<OrderAmendedHandler>();
        services.AddRebusHandler<OrderCancelledHandler>();
        services.AddSingleton(new Subscription(typeof(OrderAmended)));
        services.AddSingleton(new Subscription(typeof(OrderCancelled)));
        return builder;
    }
}
