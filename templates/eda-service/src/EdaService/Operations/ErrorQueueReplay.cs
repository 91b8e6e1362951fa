using EdaService.Messaging;
using Microsoft.Extensions.Options;
using Rebus.Activation;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Transport;

namespace EdaService.Operations;

/// <summary>
/// <c>dotnet run --project src/EdaService -- replay-errors</c>: moves this service's messages from the error queue back
/// to its input queue, each in one transport transaction (received from one, sent to the other, committed together), so
/// a message is never lost and the running service handles it again. Messages of other services that share the error
/// queue go back to it untouched. One pass: a message that fails again while the command runs is not replayed twice.
/// </summary>
public static partial class ErrorQueueReplay
{
    public const string Command = "replay-errors";

    /// <summary>Runs the command with the service's own configuration and transport; returns the process exit code.</summary>
    public static async Task<int> RunAsync(HostApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var (host, transport) = OperationsHost.Build(builder);
        using var _ = host;
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorQueueReplay));
        try
        {
            var result = await ReplayAsync(transport, host.Services, cancellationToken);
            LogDone(logger, result.Replayed, result.Skipped, result.ErrorQueue, result.InputQueue);
            return 0;
        }
        catch (Exception exception) when (exception is OptionsValidationException or InvalidOperationException)
        {
            LogFailed(logger, exception);
            return 1;
        }
    }

    /// <param name="transport">Configures the service's transport; it is given the error queue as its input queue.</param>
    public static async Task<ReplayResult> ReplayAsync(ConfigureRebus transport, IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        var errorQueueServices = new ErrorQueueServices(services, options);
        ITransport? errorQueue = null;
        using var activator = new BuiltinHandlerActivator();
        var rebus = Configure.With(activator).Logging(l => l.None());
        transport(rebus, errorQueueServices);
        using var bus = rebus
            .Options(o =>
            {
                // No worker: this bus never handles anything, the command drives the transport itself.
                o.SetNumberOfWorkers(0);
                o.Decorate(c => errorQueue = c.Get<ITransport>());
            })
            .Start();

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var replayed = 0;
        var skipped = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var scope = new RebusTransactionScope();
            var message = await errorQueue!.Receive(scope.TransactionContext, cancellationToken);
            if (message is null)
            {
                break;
            }

            var id = message.Headers.GetValueOrDefault(Headers.MessageId) ?? Guid.NewGuid().ToString();
            var firstPass = seen.Add(id);
            var ours = message.Headers.GetValueOrDefault(Headers.SourceQueue) == options.InputQueue;
            await errorQueue.Send(ours && firstPass ? options.InputQueue : options.ErrorQueue, message, scope.TransactionContext);
            await scope.CompleteAsync();
            if (!firstPass)
            {
                break;
            }

            if (ours)
            {
                replayed++;
            }
            else
            {
                skipped++;
            }
        }

        return new ReplayResult(replayed, skipped, options.ErrorQueue, options.InputQueue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Replayed} messages from {ErrorQueue} to {InputQueue}; {Skipped} of other queues left in place")]
    private static partial void LogDone(ILogger logger, int replayed, int skipped, string errorQueue, string inputQueue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replay from the error queue failed; nothing was lost (each move is one transaction)")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    /// <summary>The service's container, except that the transport's input queue is the error queue.</summary>
    private sealed class ErrorQueueServices(IServiceProvider inner, MessagingOptions options) : IServiceProvider
    {
        private readonly IOptions<MessagingOptions> _errorQueueAsInput = Microsoft.Extensions.Options.Options.Create(new MessagingOptions
        {
            InputQueue = options.ErrorQueue,
            ErrorQueue = options.ErrorQueue,
        });

        public object? GetService(Type serviceType) =>
            serviceType == typeof(IOptions<MessagingOptions>) ? _errorQueueAsInput : inner.GetService(serviceType);
    }
}

/// <summary>What a replay did: messages moved back to the input queue, and messages of other queues left in the error queue.</summary>
public sealed record ReplayResult(int Replayed, int Skipped, string ErrorQueue, string InputQueue);
