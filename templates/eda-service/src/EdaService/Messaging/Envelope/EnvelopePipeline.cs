using Rebus.Config;
using Rebus.Pipeline;
using Rebus.Pipeline.Receive;
using Rebus.Serialization;

namespace EdaService.Messaging.Envelope;

/// <summary>Checks every service's envelope, with or without the validation building block.</summary>
internal static class EnvelopePipeline
{
    public static void Configure(OptionsConfigurer o)
    {
        o.Decorate<ISerializer>(c => new FailFastDeserializer(c.Get<ISerializer>()));
        o.Decorate<IPipeline>(c => new PipelineStepInjector(c.Get<IPipeline>())
            .OnReceive(new EnvelopeCheckStep(), PipelineRelativePosition.Before, typeof(DeserializeIncomingMessageStep)));
    }
}
