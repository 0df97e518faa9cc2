using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using PolicyModel.Server;

namespace PolicyModel.Server.Tests;

/// <summary>A real decision server on Kestrel on a free loopback port, with an HTTP client pointed at it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(DecisionServer server, CapturingLoggerProvider logs)
    {
        Server = server;
        Logs = logs;
        BaseAddress = server.Addresses.Single();
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public DecisionServer Server { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<RunningServer> StartAsync(Action<DecisionServiceOptions>? configure = null)
    {
        var options = new DecisionServiceOptions { Urls = ["http://127.0.0.1:0"] };
        configure?.Invoke(options);
        var logs = new CapturingLoggerProvider();
        var server = DecisionServer.Create(options, logging => logging.ClearProviders().AddProvider(logs));
        await server.StartAsync();
        return new RunningServer(server, logs);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json, string contentType = "application/json") =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>Keeps every log message, for tests that check what the service logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> messages = new();

    public IReadOnlyList<string> Messages => [.. messages];

    public ILogger CreateLogger(string categoryName) => new Logger(messages);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}

/// <summary>One server for the tests of a class that do not change what it serves.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public RunningServer Running { get; private set; } = null!;

    public async Task InitializeAsync() => Running = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await Running.DisposeAsync();
}

/// <summary>Decisions as the service returns them: stamped with the set's digest and law date.</summary>
public static class Stamps
{
    public static Decision Stamped(this PolicySet set, Decision decision) =>
        decision with { PolicyDigest = set.Digest, LawCurrentTo = set.LawCurrentTo };
}
