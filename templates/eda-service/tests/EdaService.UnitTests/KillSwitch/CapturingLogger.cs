using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EdaService.UnitTests.KillSwitch;

/// <summary>Keeps each log entry's level and structured values, so tests can check what was logged, not just the text.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        _entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
    }
}

internal sealed record LogEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);
