using Ardalis.GuardClauses;
using NodaTime;

namespace PolicyModel.Server;

/// <summary>
/// What the decision service serves and its limits. The defaults are safe for a service on a private network:
/// small bodies, bounded batches, a request timeout and a cap on requests in flight.
/// </summary>
public sealed class DecisionServiceOptions
{
    /// <summary>The addresses to listen on (default <c>http://127.0.0.1:5080</c>; port 0 picks a free port).</summary>
    public IReadOnlyList<string> Urls { get; set; } = ["http://127.0.0.1:5080"];

    /// <summary>Policy documents or folders of them (<c>*.json</c>) to serve beside (or, with <see cref="BuiltIns"/> off, instead of) the built-in ones.</summary>
    public IReadOnlyList<string> Policies { get; set; } = [];

    /// <summary>Whether the built-in policies are served (default on).</summary>
    public bool BuiltIns { get; set; } = true;

    /// <summary>
    /// Whether to reload the <see cref="Policies"/> when a file changes: the new set is compiled and checked off the
    /// request path and swapped in atomically only when it has no problems; otherwise the old set keeps serving and
    /// every problem is logged.
    /// </summary>
    public bool Watch { get; set; }

    /// <summary>How long the watcher waits after a change for more changes before it reloads (default 200 ms).</summary>
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A file to append one decision record per decision to (JSON Lines), or <see langword="null"/> for none.</summary>
    public string? DecisionLogPath { get; set; }

    /// <summary>A decision log of the host's own (used besides <see cref="DecisionLogPath"/>), or <see langword="null"/>.</summary>
    public IDecisionLog? DecisionLog { get; set; }

    /// <summary>The clock that stamps decision records (default the system clock; the engine never reads it).</summary>
    public IClock Clock { get; set; } = SystemClock.Instance;

    /// <summary>Largest body of <c>/v1/decisions</c> and <c>/v1/explain</c> (default 1 MiB); larger gets 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest body of the streaming <c>/v1/decisions:batch</c> (default 256 MiB); larger gets 413.</summary>
    public long MaxBatchBodyBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Most requests in one call: an array of <c>/v1/decisions</c> or the lines of a batch (default 1,000,000, the contract's file limit).</summary>
    public int MaxRequestsPerCall { get; set; } = RequestJson.MaxRequests;

    /// <summary>How long one HTTP request may take before it is cancelled with 504 (default 30 s).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most requests handled at once (default 256); more wait in a queue.</summary>
    public int MaxConcurrentRequests { get; set; } = 256;

    /// <summary>Most requests waiting for a slot (default 2,048); beyond that the service answers 503.</summary>
    public int MaxQueuedRequests { get; set; } = 2048;

    /// <summary>Whether the web page at <c>/</c> is served (default on).</summary>
    public bool WebPage { get; set; } = true;

    internal void Validate()
    {
        Guard.Against.NegativeOrZero(MaxRequestBodyBytes, nameof(MaxRequestBodyBytes), $"{nameof(MaxRequestBodyBytes)} must be positive");
        Guard.Against.NegativeOrZero(MaxBatchBodyBytes, nameof(MaxBatchBodyBytes), $"{nameof(MaxBatchBodyBytes)} must be positive");
        Guard.Against.NegativeOrZero(MaxRequestsPerCall, nameof(MaxRequestsPerCall), $"{nameof(MaxRequestsPerCall)} must be positive");
        Guard.Against.NegativeOrZero(MaxConcurrentRequests, nameof(MaxConcurrentRequests), $"{nameof(MaxConcurrentRequests)} must be positive");
        Guard.Against.NegativeOrZero(RequestTimeout, nameof(RequestTimeout), $"{nameof(RequestTimeout)} must be positive");
        Guard.Against.Negative(MaxQueuedRequests, nameof(MaxQueuedRequests), $"{nameof(MaxQueuedRequests)} must not be negative");
        Guard.Against.InvalidInput(Urls, nameof(Urls), urls => urls.Count > 0, "give at least one URL to listen on");
        Guard.Against.InvalidInput(Policies, nameof(Policies), policies => policies.Count > 0 || BuiltIns, "without the built-in policies, give policy documents to serve");
    }
}
