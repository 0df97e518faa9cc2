using Microsoft.Extensions.Logging;
using NodaTime;

namespace PolicyModel.Server;

/// <summary>One compiled policy set as served: the set, its digest and the date its law is current to.</summary>
internal sealed class ServedSet(PolicySet set)
{
    public PolicySet Set { get; } = set;

    public string Digest { get; } = set.Digest;

    public LocalDate? LawCurrentTo { get; } = set.LawCurrentTo;

    /// <summary>The decision with the served set's digest and law date.</summary>
    public Decision Stamp(Decision decision) => decision with { PolicyDigest = Digest, LawCurrentTo = LawCurrentTo };
}

/// <summary>
/// The set the service decides with. A request takes <see cref="Current"/> once and uses it throughout, so no request
/// ever sees two sets or a half-loaded one. With watching on, a change of the policy files compiles and checks a new
/// set on a background thread and swaps it in with one reference write, only when it has no problems; a bad edit
/// leaves the old set serving and logs every problem.
/// </summary>
internal sealed partial class ServedPolicies : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly PolicySource source;
    private readonly ILogger logger;
    private readonly TimeSpan debounce;
    private readonly Lock reloadLock = new();
    private readonly List<FileSystemWatcher> watchers = [];
    private ServedSet current;
    private Timer? debounceTimer;
    private Timer? pollTimer;
    private string? lastFingerprint;
    private bool disposed;

    private ServedPolicies(PolicySource source, PolicySet set, ILogger logger, TimeSpan debounce)
    {
        this.source = source;
        this.logger = logger;
        this.debounce = debounce;
        current = new ServedSet(set);
    }

    /// <summary>The set serving now.</summary>
    public ServedSet Current => Volatile.Read(ref current);

    /// <summary>Loads the first set, or returns null with every problem.</summary>
    public static ServedPolicies? Load(PolicySource source, ILogger logger, TimeSpan debounce, out IReadOnlyList<string> problems)
    {
        var set = source.TryLoad(out problems);
        return set is null ? null : new ServedPolicies(source, set, logger, debounce);
    }

    /// <summary>Starts watching the policy files for changes.</summary>
    public void StartWatching()
    {
        lastFingerprint = Fingerprint();
        debounceTimer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var path in source.Paths)
        {
            var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is null || !Directory.Exists(folder))
            {
                continue;
            }

            try
            {
                var watcher = new FileSystemWatcher(folder, Directory.Exists(path) ? "*.json" : Path.GetFileName(path))
                {
                    IncludeSubdirectories = Directory.Exists(path),
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
                };
                watcher.Changed += (_, _) => Schedule();
                watcher.Created += (_, _) => Schedule();
                watcher.Deleted += (_, _) => Schedule();
                watcher.Renamed += (_, _) => Schedule();
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }
            catch (IOException ex)
            {
                // No file-change notifications (for example no inotify instances left): the poll below still sees changes.
                LogWatcherUnavailable(logger, folder, ex.Message);
            }
        }

        // Notifications can be lost (an overflowing queue, a network share): a cheap poll of names, sizes and times backs them up.
        pollTimer = new Timer(_ => Poll(), null, PollInterval, PollInterval);
    }

    private void Schedule()
    {
        try
        {
            debounceTimer?.Change(debounce, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private void Poll()
    {
        string fingerprint;
        try
        {
            fingerprint = Fingerprint();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (fingerprint != Volatile.Read(ref lastFingerprint))
        {
            Schedule();
        }
    }

    private string Fingerprint() => string.Join(
        '\n',
        source.Files().Select(f => new FileInfo(f)).Select(f => $"{f.FullName}\t{(f.Exists ? f.Length : -1)}\t{(f.Exists ? f.LastWriteTimeUtc.Ticks : 0)}"));

    /// <summary>Loads the files again and swaps the new set in when it has no problems and differs. Never throws.</summary>
    /// <returns>Whether a new set was swapped in.</returns>
    public bool Reload()
    {
        var swapped = Swap();

        // Fill the new set's decision tables after the swap, still off the request path: until a cell is filled, the
        // first request of its kind fills it (a few microseconds), so the swap need not wait for all of them.
        swapped?.Precompute();
        return swapped is not null;
    }

    private PolicySet? Swap()
    {
        lock (reloadLock)
        {
            if (disposed)
            {
                return null;
            }

            try
            {
                Volatile.Write(ref lastFingerprint, Fingerprint());
                var set = source.TryLoad(out var problems);
                if (set is null)
                {
                    LogReloadRejected(logger, problems.Count, Current.Digest);
                    foreach (var problem in problems)
                    {
                        LogProblem(logger, problem);
                    }

                    return null;
                }

                if (set.Digest == Current.Digest)
                {
                    return null;
                }

                var next = new ServedSet(set);
                var old = Interlocked.Exchange(ref current, next);
                LogSwapped(logger, old.Digest, next.Digest);
                return set;
            }
#pragma warning disable CA1031 // a reload runs on a timer thread: report, keep the old set, never crash the service
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogReloadFailed(logger, ex.GetType().Name, ex.Message);
                return null;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (reloadLock)
        {
            disposed = true;
        }

        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }

        debounceTimer?.Dispose();
        pollTimer?.Dispose();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Policies changed: now serving {NewDigest} (was {OldDigest})")]
    private static partial void LogSwapped(ILogger logger, string oldDigest, string newDigest);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Policies changed but have {Count} problem(s): still serving {Digest}")]
    private static partial void LogReloadRejected(ILogger logger, int count, string digest);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Reloading the policies failed ({Type}: {Message}); the old set keeps serving")]
    private static partial void LogReloadFailed(ILogger logger, string type, string message);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Cannot watch {Folder} for changes ({Message}); polling it instead")]
    private static partial void LogWatcherUnavailable(ILogger logger, string folder, string message);
}
