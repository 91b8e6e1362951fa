using System.Globalization;
using System.Text;
using EdaService.Contracts;
using EdaService.Messaging;
using Microsoft.Extensions.Options;
using Rebus.Activation;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Transport;

namespace EdaService.Operations;

/// <summary>
/// <c>dotnet run --project src/EdaService -- send-sample [N]</c>: sends N (default 3) <see cref="OrderPlaced"/> to the
/// running service's input queue, as a producer would, and one broken OrderPlaced (a total that is not a number, a
/// timestamp without offset) that the service must refuse to its error queue with the reason. It prints the order ids,
/// so the rows, the published OrderAccepted and the refused message can be looked up.
/// </summary>
public static partial class SampleOrders
{
    public const string Command = "send-sample";

    public const int DefaultCount = 3;

    /// <summary>Runs the command with the service's own configuration and transport; returns the process exit code.</summary>
    public static async Task<int> RunAsync(HostApplicationBuilder builder, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        if (!TryParseCount(args, out var count))
        {
            await Console.Error.WriteLineAsync($"usage: {Command} [N]   N: how many sample orders to send, 1 to 1000 (default {DefaultCount})");
            return 2;
        }

        var (host, transport) = OperationsHost.Build(builder);
        using var _ = host;
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SampleOrders));
        try
        {
            var sent = await SendAsync(transport, host.Services, count, cancellationToken);
            foreach (var orderId in sent.OrderIds)
            {
                LogSent(logger, orderId, sent.InputQueue);
            }

            LogSentBroken(logger, sent.BrokenMessageId, sent.InputQueue, sent.ErrorQueue);
            return 0;
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
        {
            LogFailed(logger, exception);
            return 1;
        }
    }

    /// <summary>Sends <paramref name="count"/> good orders and one broken one to the service's input queue.</summary>
    public static async Task<SampleResult> SendAsync(ConfigureRebus transport, IServiceProvider services, int count, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        ITransport? wire = null;
        using var activator = new BuiltinHandlerActivator();
        var rebus = Configure.With(activator).Logging(l => l.None());
        transport(rebus, services);
        using var bus = rebus
            .Options(o =>
            {
                // A producer: it never consumes, so the service's messages stay for the service.
                o.SetNumberOfWorkers(0);
                o.Decorate(c => wire = c.Get<ITransport>());
            })
            .Start();

        var orderIds = new List<Guid>();
        for (var i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
        {
            var placed = new OrderPlaced(Guid.NewGuid(), $"sample-customer-{i + 1}", 10m * (i + 1) + 0.50m, DateTimeOffset.UtcNow);
            await bus.Advanced.Routing.Send(options.InputQueue, placed);
            orderIds.Add(placed.OrderId);
        }

        // Raw bytes: Rebus's serializer would write a valid message. The kind of event a broken producer sends.
        var broken = new TransportMessage(
            new Dictionary<string, string>
            {
                [Headers.MessageId] = Guid.NewGuid().ToString(),
                [Headers.Type] = $"{typeof(OrderPlaced).FullName}, {typeof(OrderPlaced).Assembly.GetName().Name}",
                [Headers.ContentType] = "application/json;charset=utf-8",
                [Headers.Intent] = Headers.IntentOptions.PointToPoint,
                [Headers.SentTime] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            },
            Encoding.UTF8.GetBytes($$"""{"OrderId":"{{Guid.NewGuid()}}","CustomerId":"sample-broken","Total":"forty-two","PlacedAt":"2026-03-01T10:00:00"}"""));
        using (var scope = new RebusTransactionScope())
        {
            await wire!.Send(options.InputQueue, broken, scope.TransactionContext);
            await scope.CompleteAsync();
        }

        return new SampleResult(orderIds, broken.Headers[Headers.MessageId], options.InputQueue, options.ErrorQueue);
    }

    private static bool TryParseCount(IReadOnlyList<string> args, out int count)
    {
        count = DefaultCount;
        return args.Count switch
        {
            1 => true,
            2 => int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= 1000,
            _ => false,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent sample order {OrderId} to {InputQueue}")]
    private static partial void LogSent(ILogger logger, Guid orderId, string inputQueue);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sent broken OrderPlaced {MessageId} to {InputQueue}; the service refuses it to {ErrorQueue} with the reason")]
    private static partial void LogSentBroken(ILogger logger, string messageId, string inputQueue, string errorQueue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the sample orders failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>What <c>send-sample</c> sent: the good orders' ids and the broken message's id.</summary>
public sealed record SampleResult(IReadOnlyList<Guid> OrderIds, string BrokenMessageId, string InputQueue, string ErrorQueue);
