using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PolicyModel.Extensions.DependencyInjection.Tests;

/// <summary>One log entry: category, level, event, the formatted message and the structured values.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
{
    /// <summary>The message and every structured value as text, to check nothing personal was logged.</summary>
    public string AllText => Message + " " + string.Join(" ", State.Select(kv => $"{kv.Key}={kv.Value}"));
}

/// <summary>A logger provider that records every entry.</summary>
public sealed class TestLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new TestLogger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class TestLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), [.. values]));
        }
    }
}
