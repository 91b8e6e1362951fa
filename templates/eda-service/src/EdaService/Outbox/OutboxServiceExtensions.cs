using EdaService.Data;
using EdaService.Messaging;
using Microsoft.Extensions.Options;
using Rebus.Config;
using Rebus.Pipeline;
using Rebus.Threading;
using Rebus.Transport;

namespace EdaService.Outbox;

public static class OutboxServiceExtensions
{
    /// <summary>
    /// Messages published inside <see cref="IUnitOfWork"/> are stored in the outbox table in the same transaction as
    /// the business write; after the commit OutboxDispatcher sends them (Rebus's forwarder whatever it did not), at least
    /// once, with their original message id.
    /// </summary>
    public static IHostApplicationBuilder AddAtomicOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IUnitOfWork, OutboxUnitOfWork>();
        builder.Services.AddSingleton<OutgoingMessages>();
        builder.Services.AddOptions<OutboxForwarderOptions>().BindConfiguration(OutboxForwarderOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OutboxForwarderOptions>, OutboxForwarderOptionsValidator>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddSingleton(new ConfigureRebus(ConfigureOutbox));
        OutboxStorage.AddMaintenance(builder);
        return builder;
    }

    private static void ConfigureOutbox(RebusConfigurer rebus, IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
        OutboxStorage.Configure(rebus, connectionString);

        // Rebus's own OutboxIncomingStep commits the handler's transaction before the outbox rows are inserted, so a
        // failure in between keeps the business row and loses the messages. OutboxUnitOfWork does both in one
        // transaction instead; removing the step also saves a connection per message.
        rebus.Options(o =>
        {
            o.Decorate<IPipeline>(c => new PipelineStepRemover(c.Get<IPipeline>())
                .RemoveIncomingStep(step => step.GetType().Name == "OutboxIncomingStep"));
            // Instead of Rebus's UseOutbox decorator, which inserts the rows after the business save: one save for both.
            o.Decorate<ITransport>(c => new OutboxCapture(c.Get<ITransport>()));
            // What a unit of work committed is sent right away by the dispatcher, on the transport the bus sends with
            // (resolved here, so Rebus starts and stops it with the bus); the forwarder's poll is the fallback.
            o.Register(c => new OutboxDispatcherLifetime(services.GetRequiredService<OutboxDispatcher>(), c.Get<ITransport>()));
            o.Decorate(c =>
            {
                _ = c.Get<OutboxDispatcherLifetime>();
                return c.Get<Rebus.Config.Options>();
            });
            o.Decorate<IAsyncTaskFactory>(c => new ForwarderPollTaskFactory(
                c.Get<IAsyncTaskFactory>(), services.GetRequiredService<IOptions<OutboxForwarderOptions>>().Value.ForwarderPollInterval));
        });
    }
}
