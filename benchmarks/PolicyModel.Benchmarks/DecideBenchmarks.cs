using BenchmarkDotNet.Attributes;
using PolicyModel.Benchmarks.Engines;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Benchmarks;

/// <summary>
/// The fixed mix of requests (<see cref="Requests.Mix"/>) decided by the hand-written baseline, PolicyModel's
/// built-in policies, Microsoft RulesEngine and NRules. Each method decides the whole mix and returns its verdicts;
/// the set-up first checks every engine against the baseline on the whole mix and refuses to run otherwise.
/// </summary>
[MemoryDiagnoser]
public class DecideBenchmarks
{
    private AssistanceRequest[] mix = [];
    private Verdict[] results = [];
    private PolicySet policies = null!;
    private RulesEngineDecider rulesEngine = null!;
    private NRulesDecider nrules = null!;

    /// <summary>The number of requests each method decides.</summary>
    public int Count => mix.Length;

    [GlobalSetup]
    public void Setup()
    {
        mix = Requests.Mix();
        results = new Verdict[mix.Length];
        policies = BuiltInPolicies.Load();
        rulesEngine = new RulesEngineDecider();
        nrules = new NRulesDecider();
        Verify(mix, policies, rulesEngine, nrules);
    }

    /// <summary>
    /// The set-up check: the baseline must agree with PolicyModel, and every other engine with the baseline, on
    /// every request of <paramref name="requests"/> (outcome and obligations).
    /// </summary>
    /// <exception cref="InvalidOperationException">An engine disagrees; the message names the requests.</exception>
    public static void Verify(IReadOnlyList<AssistanceRequest> requests, PolicySet policies, params IDecider[] engines)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(engines);
        var expected = requests.Select(Benchmarks.HandWritten.Decide).ToArray();
        Agreement.Ensure("PolicyModel", requests, expected, r => Verdict.Of(policies.Decide(r)));
        foreach (var engine in engines)
        {
            Agreement.Ensure(engine.Name, requests, expected, engine.Decide);
        }
    }

    [Benchmark(Baseline = true)]
    public Verdict[] HandWritten()
    {
        var requests = mix;
        var verdicts = results;
        for (var i = 0; i < requests.Length; i++)
        {
            verdicts[i] = Benchmarks.HandWritten.Decide(requests[i]);
        }

        return verdicts;
    }

    [Benchmark]
    public Verdict[] PolicyModel()
    {
        var requests = mix;
        var verdicts = results;
        for (var i = 0; i < requests.Length; i++)
        {
            var decision = policies.DecideCompact(requests[i]);
            verdicts[i] = new Verdict(decision.Outcome, decision.ObligationSet);
        }

        return verdicts;
    }

    [Benchmark]
    public Verdict[] RulesEngine()
    {
        var requests = mix;
        var verdicts = results;
        for (var i = 0; i < requests.Length; i++)
        {
            verdicts[i] = rulesEngine.Decide(requests[i]);
        }

        return verdicts;
    }

    [Benchmark]
    public Verdict[] NRules()
    {
        var requests = mix;
        var verdicts = results;
        for (var i = 0; i < requests.Length; i++)
        {
            verdicts[i] = nrules.Decide(requests[i]);
        }

        return verdicts;
    }
}
