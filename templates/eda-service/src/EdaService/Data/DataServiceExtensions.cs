using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace EdaService.Data;

public static class DataServiceExtensions
{
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        builder.Services.AddDbContext<EdaServiceDbContext>((services, options) =>
        {
            DatabaseProvider.Configure(options, services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
            // Interceptors registered in the container (auditing, or fault injection in tests) apply to every context.
            options.AddInterceptors(services.GetServices<IInterceptor>());
        });
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }
}
