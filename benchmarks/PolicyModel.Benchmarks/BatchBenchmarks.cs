using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Benchmarks;

/// <summary>
/// One million seeded random requests (<see cref="Requests.Random"/>) decided in batches, on one thread and on all
/// cores, by PolicyModel and, for scale, by the hand-written baseline. Each operation takes seconds, so the job
/// measures a few single runs rather than many.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class BatchBenchmarks
{
    public const int Count = 1_000_000;

    /// <summary>Requests per batch call (and per parallel work item).</summary>
    public const int Chunk = 4096;

    private AssistanceRequest[] requests = [];
    private Outcome[] outcomes = [];
    private CompactDecision[] decisions = [];
    private PolicySet policies = null!;

    [GlobalSetup]
    public void Setup()
    {
        requests = Requests.Random(Count);
        outcomes = new Outcome[Count];
        decisions = new CompactDecision[Count];
        policies = BuiltInPolicies.Load();
        policies.DecideAll(requests, decisions); // warm the decision tables once, as a long-running host would be
    }

    [Benchmark(Baseline = true)]
    public Outcome[] HandWrittenSingleThread()
    {
        for (var i = 0; i < requests.Length; i++)
        {
            outcomes[i] = HandWritten.DecideOutcome(requests[i]);
        }

        return outcomes;
    }

    [Benchmark]
    public Outcome[] HandWrittenParallel()
    {
        Parallel.For(0, ChunkCount, c =>
        {
            var (start, length) = ChunkAt(c);
            for (var i = start; i < start + length; i++)
            {
                outcomes[i] = HandWritten.DecideOutcome(requests[i]);
            }
        });
        return outcomes;
    }

    /// <summary>PolicyModel's allocation-free batch API on the calling thread.</summary>
    [Benchmark]
    public CompactDecision[] PolicyModelSingleThread()
    {
        policies.DecideAll(requests, decisions);
        return decisions;
    }

    /// <summary>PolicyModel's batch API on all cores.</summary>
    [Benchmark]
    public CompactDecision[] PolicyModelParallel()
    {
        policies.DecideAllParallel(requests, decisions);
        return decisions;
    }

    private int ChunkCount => (requests.Length + Chunk - 1) / Chunk;

    private (int Start, int Length) ChunkAt(int chunk)
    {
        var start = chunk * Chunk;
        return (start, Math.Min(Chunk, requests.Length - start));
    }
}
