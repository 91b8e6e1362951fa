using Rebus.Config;
using Rebus.Extensions;
using Rebus.Messages;
using Rebus.Time;
using Rebus.Transport;

namespace EdaService.Messaging.DatabaseTransport;

/// <summary>
/// Rounds every deferral up to whole seconds before Rebus.PostgreSql's transport sees it. The transport makes a deferred
/// message visible after the whole seconds left until its due time, cutting off the rest when it sends: 200 ms, and even
/// 1 s once a few milliseconds had passed, became 0, so the message came straight back: a retry meant to wait (the
/// ordering guard's, for the change before it) used up its attempts in a fraction of a second and went to the error queue.
/// </summary>
internal sealed class PostgreSqlDeferrals(ITransport transport, IRebusTime time) : ITransport
{
    /// <summary>
    /// Added to the rounded-up delay, so that the milliseconds between here and the transport's own reading of the clock
    /// do not cut it down by a second.
    /// </summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(500);

    public static void Configure(RebusConfigurer rebus) =>
        rebus.Options(o => o.Decorate<ITransport>(c => new PostgreSqlDeferrals(c.Get<ITransport>(), c.Get<IRebusTime>())));

    public string Address => transport.Address;

    public Task Send(string destinationAddress, TransportMessage message, ITransactionContext context) =>
        transport.Send(destinationAddress, RoundedUp(message, time.Now), context);

    /// <summary>The message with its due time moved so that the transport waits at least as long as was asked.</summary>
    private static TransportMessage RoundedUp(TransportMessage message, DateTimeOffset now)
    {
        if (!message.Headers.TryGetValue(Headers.DeferredUntil, out var value))
        {
            return message;
        }

        var delay = value.ToDateTimeOffset() - now;
        if (delay <= TimeSpan.Zero)
        {
            return message;
        }

        var seconds = Math.Ceiling(delay.TotalSeconds);
        var headers = new Dictionary<string, string>(message.Headers)
        {
            [Headers.DeferredUntil] = (now + TimeSpan.FromSeconds(seconds) + Slack).ToIso8601DateTimeOffset(),
        };
        return new TransportMessage(headers, message.Body);
    }

    public void CreateQueue(string address) => transport.CreateQueue(address);

    public Task<TransportMessage> Receive(ITransactionContext context, CancellationToken cancellationToken) =>
        transport.Receive(context, cancellationToken);
}
