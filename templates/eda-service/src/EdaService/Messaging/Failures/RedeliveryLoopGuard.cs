using System.Collections.Concurrent;
using System.Security.Cryptography;
using Rebus.Messages;

namespace EdaService.Messaging.Failures;

/// <summary>
/// Remembers, per message, how many deliveries in a row ended with an exception that got past Rebus's retry step: its
/// error handling failed, or a step outside the retry step threw. Such a delivery puts the message straight back, no
/// attempt is counted, and it fails the same way again at once. Past <see cref="MessagingOptions.RedeliveryLoopLimit"/>
/// the message is forced to the error queue (<see cref="RedeliveryLoopGuardStep"/>). In memory, like Rebus's own error
/// tracker: each instance guards the deliveries it sees.
/// </summary>
internal sealed class RedeliveryLoopGuard(int limit, TimeProvider clock)
{
    /// <summary>An entry untouched this long is forgotten: the loop it counted has ended.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);

    /// <summary>How long a forced message keeps the health check Degraded.</summary>
    public static readonly TimeSpan DegradedFor = TimeSpan.FromMinutes(15);

    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Escapes> _escapes = new(StringComparer.Ordinal);
    private volatile ForcedMessage? _lastForced;
    private long _forcedCount;

    public int Limit => limit;

    public ForcedMessage? LastForced => _lastForced;

    public long ForcedCount => Interlocked.Read(ref _forcedCount);

    /// <summary>The message id, or a hash of headers and body for a message without one (Rebus dead-letters those at once).</summary>
    public static string KeyOf(TransportMessage message) =>
        message.Headers.GetValueOrDefault(Headers.MessageId) is { Length: > 0 } id && !string.IsNullOrWhiteSpace(id)
            ? id
            : "sha256:" + Convert.ToHexString(SHA256.HashData(
                [.. System.Text.Encoding.UTF8.GetBytes(string.Join('\n', message.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))), .. message.Body]));

    public bool MustForce(string key) =>
        _escapes.TryGetValue(key, out var escapes) && escapes.Count >= limit && clock.GetUtcNow() - escapes.Last < Memory;

    /// <summary>Counts a delivery that ended with an exception; returns how many in a row this message has had.</summary>
    public int RecordEscape(string key)
    {
        var now = clock.GetUtcNow();
        if (_escapes.Count >= MaxEntries)
        {
            Prune(now);
        }

        return _escapes.AddOrUpdate(key, _ => new Escapes(1, now), (_, seen) => now - seen.Last < Memory ? new Escapes(seen.Count + 1, now) : new Escapes(1, now)).Count;
    }

    /// <summary>The delivery ended without an exception (handled, dead-lettered or put back on purpose).</summary>
    public void Completed(string key)
    {
        if (!_escapes.IsEmpty)
        {
            _escapes.TryRemove(key, out _);
        }
    }

    public void Forced(string key, string messageId, string reason)
    {
        _escapes.TryRemove(key, out _);
        Interlocked.Increment(ref _forcedCount);
        _lastForced = new ForcedMessage(messageId, reason, clock.GetUtcNow());
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, escapes) in _escapes)
        {
            if (now - escapes.Last >= Memory)
            {
                _escapes.TryRemove(key, out _);
            }
        }

        // Still full: a flood of distinct looping messages. Forgetting the oldest only delays their forced move.
        foreach (var (key, _) in _escapes.OrderBy(e => e.Value.Last).Take(_escapes.Count - (MaxEntries / 2)))
        {
            _escapes.TryRemove(key, out _);
        }
    }

    private readonly record struct Escapes(int Count, DateTimeOffset Last);
}

/// <summary>The latest message the guard forced to the error queue.</summary>
internal sealed record ForcedMessage(string MessageId, string Reason, DateTimeOffset At);
