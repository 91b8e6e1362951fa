using EdaService.Contracts;
using EdaService.Messaging;
using EdaService.Validation.Validators;
using FluentValidation;
using Microsoft.Extensions.Options;
using Rebus.Config;
using Rebus.Pipeline;
using Rebus.Pipeline.Receive;
using Rebus.Pipeline.Send;
using Rebus.Retry;
using Rebus.Serialization;
using Rebus.Serialization.Json;
using Rebus.Transport;

namespace EdaService.Validation;

public static class ValidationServiceExtensions
{
    /// <summary>
    /// Event schema validation: incoming messages are checked before deserialization and rejected (no retries, error
    /// queue, <see cref="MessageRejected"/> published); outgoing messages are checked before they are sent.
    /// </summary>
    public static IHostApplicationBuilder AddEventValidation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ValidationOptions>().BindConfiguration(ValidationOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ValidationOptions>, ValidationOptionsValidator>();

        // Every message type that crosses this service's boundary, with its rules. A type that is not listed is
        // rejected when received and refused when sent: add a validator here with each new contract.
        builder.Services.AddMessageContract<OrderPlaced, OrderPlacedValidator>();
        builder.Services.AddMessageContract<OrderAccepted, OrderAcceptedValidator>();
        builder.Services.AddMessageContract<MessageRejected, MessageRejectedValidator>();

        builder.Services.AddSingleton(new ConfigureRebus(Configure));
        return builder;
    }

    internal static void Configure(RebusConfigurer rebus, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ValidationOptions>>().Value;
        rebus.Serialization(s => s.UseSystemTextJson(EventJson.SerializerOptions));
        rebus.Options(o =>
        {
            o.Decorate<IPipeline>(c =>
            {
                var validator = MessageValidator.Create(services, c.Get<IMessageTypeNameConvention>(), options);
                return new PipelineStepInjector(c.Get<IPipeline>())
                    .OnReceive(new ValidateIncomingMessageStep(validator), PipelineRelativePosition.Before, typeof(DeserializeIncomingMessageStep))
                    .OnSend(new ValidateOutgoingMessageStep(validator), PipelineRelativePosition.Before, typeof(SendOutgoingMessageStep));
            });
            o.Decorate<IErrorHandler>(c => new RejectionErrorHandler(c.Get<IErrorHandler>(), c.Get<ITransport>().Address, services));
        });
    }

    private static void AddMessageContract<TMessage, TValidator>(this IServiceCollection services)
        where TValidator : class, IValidator<TMessage>
    {
        services.AddSingleton<IValidator<TMessage>, TValidator>();
        services.AddSingleton(new MessageContract(typeof(TMessage)));
    }
}
