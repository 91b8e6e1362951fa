using Microsoft.Extensions.Options;

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
        return builder;
    }
}
