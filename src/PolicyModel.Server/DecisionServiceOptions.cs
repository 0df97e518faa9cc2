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
        static void Positive(long value, string name)
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
            }
        }

        Positive(MaxRequestBodyBytes, nameof(MaxRequestBodyBytes));
        Positive(MaxBatchBodyBytes, nameof(MaxBatchBodyBytes));
        Positive(MaxRequestsPerCall, nameof(MaxRequestsPerCall));
        Positive(MaxConcurrentRequests, nameof(MaxConcurrentRequests));
        Positive(RequestTimeout.Ticks, nameof(RequestTimeout));
        if (MaxQueuedRequests < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxQueuedRequests), MaxQueuedRequests, "MaxQueuedRequests must not be negative");
        }

        if (Urls.Count == 0)
        {
            throw new ArgumentException("give at least one URL to listen on", nameof(Urls));
        }

        if (Policies.Count == 0 && !BuiltIns)
        {
            throw new ArgumentException("without the built-in policies, give policy documents to serve", nameof(Policies));
        }
    }
}
