using System.Diagnostics;
using System.Threading.Channels;
using EdaService.Data;
using Microsoft.EntityFrameworkCore;
using Rebus.Transport;

namespace EdaService.Outbox;

/// <summary>
/// Sends what a unit of work committed to the outbox right away, from memory, instead of leaving it to Rebus's forwarder
/// (which polls every second and then reads the rows back, scanning past every row deleted since the last vacuum).
/// Each pass takes its rows by primary key in a transaction of its own (<see cref="OutboxStorage.TakeAsync"/>), sends
/// them and commits only after the sends, as the forwarder does with its batches: a failure or a crash leaves the rows,
/// and the forwarder sends them (at least once, with their original message ids, as it would have anyway).
/// </summary>
internal sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Rows per pass; Rebus's forwarder takes as many.</summary>
    public const int BatchSize = 100;

    /// <summary>
    /// Committed messages held for the passes, at most. Under load above what the passes send, a message beyond that is
    /// not held: its row waits in the outbox for the forwarder, so memory stays bounded however far behind they fall.
    /// </summary>
    public const int Capacity = 10 * BatchSize;

    /// <summary>
    /// A pass starts at most this soon after the previous one: a quiet service sends at once, a busy one sends every
    /// 20 ms what committed meanwhile, in one transaction instead of one per commit.
    /// </summary>
    private static readonly TimeSpan PassSpacing = TimeSpan.FromMilliseconds(20);

    private readonly Channel<OutboxMessage> _committed = Channel.CreateBounded<OutboxMessage>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Committed messages waiting for a pass.</summary>
    public int Waiting => _committed.Reader.Count;

    /// <summary>Call once the rows are committed.</summary>
    public void Dispatch(IReadOnlyList<OutboxMessage> committed)
    {
        foreach (var message in committed)
        {
            _committed.Writer.TryWrite(message);
        }
    }

    /// <summary>Runs until <paramref name="stopping"/>; what is still waiting then stays in the outbox for the forwarder.</summary>
    public async Task RunAsync(ITransport transport, CancellationToken stopping)
    {
        var sinceLastPass = Stopwatch.StartNew();
        var batch = new List<OutboxMessage>(BatchSize);
        try
        {
            while (await _committed.Reader.WaitToReadAsync(stopping))
            {
                // A full batch goes at once: the spacing gathers commits, it must not throttle a backlog.
                var early = PassSpacing - sinceLastPass.Elapsed;
                if (early > TimeSpan.Zero && Waiting < BatchSize)
                {
                    await Task.Delay(early, stopping);
                }

                sinceLastPass.Restart();
                batch.Clear();
                while (batch.Count < BatchSize && _committed.Reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                try
                {
                    await SendAsync(transport, batch, stopping);
                }
                catch (Exception exception) when (!stopping.IsCancellationRequested)
                {
                    // The rows are still in the outbox: Rebus's forwarder sends them at its next poll.
                    LogFailed(logger, batch.Count, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(ITransport transport, List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locks and removes the rows, so that the forwarder, polling meanwhile, does not send them too; rows the
        // forwarder took first are not returned, and it sends them.
        var taken = await OutboxStorage.TakeAsync(db, [.. batch.Select(message => message.Id)], cancellationToken);
        if (taken.Count == 0)
        {
            return;
        }

        using (var rebus = new RebusTransactionScope())
        {
            foreach (var message in batch.Where(message => taken.Contains(message.Id)))
            {
                await transport.Send(message.DestinationAddress, message.ToTransportMessage(), rebus.TransactionContext);
            }

            await rebus.CompleteAsync();
        }

        await OutboxStorage.MarkSentAsync(db, taken, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Count} committed outbox messages; the outbox forwarder will")]
    private static partial void LogFailed(ILogger logger, int count, Exception exception);
}
