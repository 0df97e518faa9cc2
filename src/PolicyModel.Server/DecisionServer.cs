using System.Threading.RateLimiting;
using Ardalis.GuardClauses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PolicyModel.Server;

/// <summary>
/// The decision service: an ASP.NET Core application on Kestrel that decides requests over HTTP with the served
/// policy set (the endpoints are listed in <c>docs/service.md</c>). Create it, start it, and stop or dispose it.
/// </summary>
public sealed class DecisionServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ServedPolicies policies;
    private readonly JsonLinesDecisionLog? fileLog;
    private readonly Task warming;

    private DecisionServer(WebApplication app, ServedPolicies policies, JsonLinesDecisionLog? fileLog, Task warming)
    {
        this.app = app;
        this.policies = policies;
        this.fileLog = fileLog;
        this.warming = warming;
    }

    /// <summary>The addresses the server listens on, once started (with the real port when port 0 was asked for).</summary>
    public IReadOnlyList<Uri> Addresses =>
        [.. (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a))];

    /// <summary>The digest of the policy set serving now.</summary>
    public string PolicyDigest => policies.Current.Digest;

    /// <summary>Whether the served set's decision tables are filled (what <c>/readyz</c> reports).</summary>
    public bool IsReady => warming.IsCompleted;

    /// <summary>
    /// Builds the service: loads and checks the policies (built-ins and <see cref="DecisionServiceOptions.Policies"/>),
    /// opens the decision log and maps the endpoints. Nothing listens until <see cref="StartAsync"/>.
    /// </summary>
    /// <param name="options">What to serve, where, and the limits.</param>
    /// <param name="logging">Configures logging (for example to add a provider); the default logs to the console.</param>
    /// <returns>The server.</returns>
    /// <exception cref="PolicyLoadException">The policies have problems (each problem's text is in the message).</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static DecisionServer Create(DecisionServiceOptions options, Action<ILoggingBuilder>? logging = null)
    {
        Guard.Against.Null(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxBatchBodyBytes, options.MaxRequestBodyBytes);
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // The OpenAPI document describes bodies by these types; requests and decisions by the core's own schemas.
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, PolicyModelJsonContext.Default);
        });
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PolicyModel decision service";
            document.Info.Description = "Decides, with reasons, whether a request for police assistance is granted. Requests and decisions use the PolicyModel contract's JSON.";
            return Task.CompletedTask;
        }).AddSchemaTransformer(ContractSchemas.Apply));
        builder.Services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
            WriteTimeoutResponse = context => Problems.Write(context, StatusCodes.Status504GatewayTimeout, "Gateway Timeout",
                $"the request took longer than {options.RequestTimeout.TotalSeconds:0.###} s and was cancelled"),
        });
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetConcurrencyLimiter(
                "all", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = options.MaxConcurrentRequests,
                    QueueLimit = options.MaxQueuedRequests,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (rejected, _) => new ValueTask(Problems.Write(rejected.HttpContext, StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                "too many requests are in progress; try again shortly"));
        });

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PolicyModel.Server");
        var policies = ServedPolicies.Load(new PolicySource(options.Policies, options.BuiltIns), logger, options.WatchDebounce, out var problems)
            ?? throw new PolicyLoadException(string.Join(Environment.NewLine, problems.Prepend($"the policies have {problems.Count} problem(s):")));

        var fileLog = options.DecisionLogPath is { } path ? new JsonLinesDecisionLog(path) : null;
        IDecisionLog? log = (fileLog, options.DecisionLog) switch
        {
            (null, null) => null,
            ({ } file, null) => file,
            (null, { } host) => host,
            ({ } file, { } host) => new BothLogs(file, host),
        };

        // Fill the decision tables off the request path; /readyz says when they are.
        var served = policies.Current;
        var warming = Task.Run(() => served.Set.Precompute());
        var server = new DecisionServer(app, policies, fileLog, warming);
        Endpoints.Map(app, options, policies, log, logger, () => server.IsReady);
        if (options.Watch)
        {
            policies.StartWatching();
        }

        return server;
    }

    /// <summary>Starts listening.</summary>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>A task that completes once the server listens.</returns>
    public Task StartAsync(CancellationToken cancellationToken = default) => app.StartAsync(cancellationToken);

    /// <summary>Waits until the host is shut down (Ctrl+C, SIGTERM or <see cref="StopAsync"/>).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes at shutdown.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops listening, lets requests in progress finish, and writes every queued decision record.</summary>
    /// <param name="cancellationToken">Ends the graceful stop early.</param>
    /// <returns>A task that completes once stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await app.StopAsync(cancellationToken).ConfigureAwait(false);
        policies.Dispose();
        if (fileLog is not null)
        {
            await fileLog.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Reloads the watched policies now (tests; the watcher calls the same).</summary>
    internal bool ReloadPolicies() => policies.Reload();

    internal ServedPolicies Policies => policies;

    private sealed class BothLogs(IDecisionLog first, IDecisionLog second) : IDecisionLog
    {
        public void Record(DecisionRecord record)
        {
            first.Record(record);
            second.Record(record);
        }
    }
}
