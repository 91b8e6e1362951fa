using System.Text;
using Microsoft.Extensions.Options;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Pipeline;
using Rebus.Pipeline.Send;

namespace EdaService.Messaging.AzureServiceBus;

/// <summary>
/// Rejects an outgoing message that the tier cannot carry when it is published, inside the handler's transaction,
/// instead of letting the broker refuse it later (when the outbox sends it, after the data is committed).
/// </summary>
internal sealed class MessageSizeGuard(ServiceBusTier tier) : IOutgoingStep
{
    /// <summary>Standard allows 256 KB per message including headers; Premium allows up to 100 MB.</summary>
    public static long LimitFor(ServiceBusTier tier) => tier == ServiceBusTier.Premium ? 100L * 1024 * 1024 : 256L * 1024;

    public static void Configure(RebusConfigurer rebus, IServiceProvider services)
    {
        var tier = services.GetRequiredService<IOptions<AzureServiceBusOptions>>().Value.Tier;
        rebus.Options(o => o.Decorate<IPipeline>(c => new PipelineStepInjector(c.Get<IPipeline>())
            .OnSend(new MessageSizeGuard(tier), PipelineRelativePosition.Before, typeof(SendOutgoingMessageStep))));
    }

    public Task Process(OutgoingStepContext context, Func<Task> next)
    {
        var message = context.Load<TransportMessage>();
        var size = SizeOf(message);
        var limit = LimitFor(tier);
        if (size > limit)
        {
            throw new MessageTooLargeException(message.Headers.GetValueOrDefault(Headers.Type) ?? "(unknown type)", size, tier, limit);
        }

        return next();
    }

    private static long SizeOf(TransportMessage message) =>
        message.Body.LongLength + message.Headers.Sum(h => (long)Encoding.UTF8.GetByteCount(h.Key) + Encoding.UTF8.GetByteCount(h.Value ?? ""));
}
