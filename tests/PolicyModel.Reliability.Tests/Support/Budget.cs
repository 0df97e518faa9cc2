using System.Diagnostics;

namespace PolicyModel.Reliability.Tests;

/// <summary>Runs an action and measures its wall time and the bytes it allocated on the calling thread.</summary>
internal static class Budget
{
    /// <summary>
    /// Slack for a loaded CI machine: budgets are asserted as <c>limit * Slack</c>. The limits themselves are the
    /// documented ones (<c>docs/limits.md</c>); this factor only absorbs a noisy neighbour.
    /// </summary>
    public const double Slack = 1.0;

    public static (TimeSpan Elapsed, long Allocated, T Result) Measure<T>(Func<T> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = action();
        clock.Stop();
        return (clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - before, result);
    }

    public static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):F1} MB";
}
