using System.Diagnostics;

namespace PolicyModel.Reliability.Tests.Support;

/// <summary>Runs an action and measures its wall time and the bytes it allocated on the calling thread.</summary>
internal static class Budget
{
    /// <summary>
    /// Slack for a loaded CI machine: budgets are asserted as <c>limit * Slack</c>. The limits themselves are the
    /// documented ones (<c>docs/limits.md</c>); this factor only absorbs a noisy neighbour. The time limits are hang
    /// guards against work that grows faster than the input (a quadratic blow-up on these inputs takes minutes), not
    /// speed targets, which live in the benchmarks; 7 s was seen for a 5 s case on a 2-core machine running eight
    /// builds at once, so the factor is 3.
    /// </summary>
    public const double Slack = 3.0;

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
