using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;
using PolicyModel.Analysis;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Benchmarks;

/// <summary>
/// Policy analysis (issue 7): every built-in jurisdiction over all its history (gaps, conflicts, unreachable rules,
/// preemption), and the Way Forward Act diff. Each operation uses a new <see cref="PolicyAnalyzer"/>, so nothing is
/// cached between operations; the requirement is under 2 seconds for <see cref="AnalyzeAllBuiltInsAllHistory"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class AnalysisBenchmarks
{
    private PolicySet policies = null!;

    [GlobalSetup]
    public void Setup() => policies = BuiltInPolicies.Load();

    /// <summary>All seven built-in jurisdictions, all history: the benchmark.</summary>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<PolicyAnalysisReport> AnalyzeAllBuiltInsAllHistory() => new PolicyAnalyzer(policies).AnalyzeAll();

    /// <summary>The largest jurisdiction alone (Chicago: 14 periods).</summary>
    [Benchmark]
    public PolicyAnalysisReport AnalyzeChicagoAllHistory() => new PolicyAnalyzer(policies).Analyze("us-il-chicago");

    /// <summary>What the Way Forward Act changed in Illinois (<c>policymodel diff --jurisdiction us-il --from 2021-08-01 --to 2021-08-02</c>).</summary>
    [Benchmark]
    public DiffReport DiffWayForwardAct() => new PolicyAnalyzer(policies).Diff("us-il", new LocalDate(2021, 8, 1), new LocalDate(2021, 8, 2));

    /// <summary>Two versions of the documents (here the same built-ins compiled twice) over all history.</summary>
    [Benchmark]
    public DiffReport DiffVersionsChicagoAllHistory() => PolicyAnalyzer.Diff(policies, PolicySet.Compile(policies.Documents), "us-il-chicago");
}
