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

        // Every message type that crosses this service's boundary is the type of a validator in Validation/Validators.
        // A type without one is rejected when received and refused when sent: add a validator with each new contract.
        builder.Services.AddMessageContracts();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<RejectionNoticeMetrics>();

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

    private static void AddMessageContracts(this IServiceCollection services)
    {
        var validators = typeof(OrderPlacedValidator).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsClass: true } && type.Namespace == typeof(OrderPlacedValidator).Namespace);
        foreach (var validator in validators)
        {
            var contract = validator.GetInterfaces()
                .SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>));
            if (contract is not null)
            {
                services.AddSingleton(contract, validator);
                services.AddSingleton(new MessageContract(contract.GetGenericArguments()[0]));
            }
        }
    }
}
