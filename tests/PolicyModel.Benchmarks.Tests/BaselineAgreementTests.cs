using PolicyModel.Benchmarks;
using PolicyModel.Benchmarks.Engines;
using PolicyModel.Jurisdictions;

namespace PolicyModel.Benchmarks.Tests;

/// <summary>
/// The benchmarks compare like with like: the hand-written baseline decides as PolicyModel's built-in policies do
/// (on the mix and on random requests), the other engines decide as the baseline does on the mix, and the set-up
/// check refuses an engine that does not.
/// </summary>
public sealed class BaselineAgreementTests
{
    private static readonly AssistanceRequest[] Mix = Requests.Mix();

    [Fact]
    public void The_mix_has_at_least_64_requests_over_the_four_jurisdictions_and_all_five_outcomes()
    {
        Mix.Should().HaveCountGreaterThanOrEqualTo(64);
        Mix.Select(r => r.Jurisdiction.Value).Should().Contain(["us-il-chicago", "us-il", "us-tx", "us-fl"]);
        Mix.Select(r => r.ReceivedAt.Date).Distinct().Should().HaveCountGreaterThan(20);
        Mix.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        var policies = BuiltInPolicies.Load();
        var outcomes = Mix.Select(r => policies.Decide(r).Outcome).ToHashSet();
        outcomes.Should().Contain([Outcome.Denied, Outcome.Granted, Outcome.Required, Outcome.PoliceAction, Outcome.Discretionary]);
    }

    [Fact]
    public void Each_outcome_appears_in_each_of_several_jurisdictions()
    {
        var policies = BuiltInPolicies.Load();
        var byJurisdiction = Mix.GroupBy(r => r.Jurisdiction.Value!).ToDictionary(g => g.Key, g => g.Select(r => policies.Decide(r).Outcome).ToHashSet());
        byJurisdiction["us-il-chicago"].Should().Contain([Outcome.Denied, Outcome.Granted, Outcome.PoliceAction, Outcome.Discretionary, Outcome.Refer]);
        byJurisdiction["us-il"].Should().Contain([Outcome.Denied, Outcome.Granted, Outcome.Discretionary, Outcome.Refer, Outcome.PoliceAction]);
        byJurisdiction["us-tx"].Should().Contain([Outcome.Required, Outcome.Granted, Outcome.Denied, Outcome.Discretionary, Outcome.PoliceAction]);
        byJurisdiction["us-fl"].Should().Contain([Outcome.Required, Outcome.Granted, Outcome.Denied, Outcome.Discretionary, Outcome.PoliceAction]);
    }

    [Fact]
    public void Hand_written_agrees_with_the_engine_on_the_mix()
    {
        var policies = BuiltInPolicies.Load();
        Agreement.Differences(Mix, [.. Mix.Select(r => Verdict.Of(policies.Decide(r)))], HandWritten.Decide).Should().BeEmpty();
    }

    [Fact]
    public void Hand_written_agrees_with_the_engine_on_200000_random_requests()
    {
        var requests = Requests.Random(200_000, seed: 1337);
        var policies = BuiltInPolicies.Load();
        var expected = new Verdict[requests.Length];
        Parallel.For(0, requests.Length, i => expected[i] = Verdict.Of(policies.Decide(requests[i])));
        Agreement.Differences(requests, expected, HandWritten.Decide).Should().BeEmpty();
        expected.Select(v => v.Outcome).Distinct().Should().HaveCount(Enum.GetValues<Outcome>().Length - 1, "random requests reach every outcome but `depends`, which only a partial request has");
    }

    [Fact]
    public void Random_requests_are_the_same_for_the_same_seed_and_valid()
    {
        var first = Requests.Random(1000, seed: 7);
        first.Should().Equal(Requests.Random(1000, seed: 7));
        first.Should().NotEqual(Requests.Random(1000, seed: 8));
        var policies = BuiltInPolicies.Load();
        first.Where(r => !policies.TryDecide(r, out _, out _)).Should().BeEmpty();
        first.Select(r => r.Jurisdiction.Value).Distinct().Should().BeEquivalentTo(Requests.Jurisdictions);
    }

    [Fact]
    public void RulesEngine_agrees_with_hand_written_on_the_mix()
    {
        var expected = Mix.Select(HandWritten.Decide).ToArray();
        Agreement.Differences(Mix, expected, new RulesEngineDecider().Decide).Should().BeEmpty();
    }

    [Fact]
    public void NRules_agrees_with_hand_written_on_the_mix()
    {
        var expected = Mix.Select(HandWritten.Decide).ToArray();
        Agreement.Differences(Mix, expected, new NRulesDecider().Decide).Should().BeEmpty();
    }

    [Fact]
    public void RulesEngine_and_NRules_agree_with_hand_written_on_random_requests_too()
    {
        var requests = Requests.Random(3000, seed: 99);
        var expected = requests.Select(HandWritten.Decide).ToArray();
        Agreement.Differences(requests, expected, new RulesEngineDecider().Decide).Should().BeEmpty();
        Agreement.Differences(requests, expected, new NRulesDecider().Decide).Should().BeEmpty();
    }

    [Fact]
    public void The_set_up_check_passes_for_the_real_engines()
    {
        var benchmarks = new DecideBenchmarks();
        benchmarks.Invoking(b => b.Setup()).Should().NotThrow();
        benchmarks.Count.Should().Be(Mix.Length);
        benchmarks.HandWritten().Should().Equal(benchmarks.PolicyModel());
        benchmarks.RulesEngine().Should().Equal(Mix.Select(HandWritten.Decide));
        benchmarks.NRules().Should().Equal(Mix.Select(HandWritten.Decide));
    }

    [Fact]
    public void The_set_up_check_throws_for_an_engine_that_is_fast_but_wrong()
    {
        var wrong = new WrongEngine();
        var check = () => DecideBenchmarks.Verify(Mix, BuiltInPolicies.Load(), new NRulesDecider(), wrong);
        check.Should().Throw<InvalidOperationException>().WithMessage("*AlwaysDenied disagrees with the hand-written baseline*");
    }

    [Fact]
    public void The_set_up_check_throws_for_an_engine_that_only_drops_an_obligation()
    {
        var engine = new DelegateEngine("NoSupervisor", r =>
        {
            var v = HandWritten.Decide(r);
            return v with { Obligations = EnumSet<Obligation>.FromMask(v.Obligations.Mask & ~(1UL << (int)Obligation.SupervisorToScene)) };
        });
        var check = () => DecideBenchmarks.Verify(Mix, BuiltInPolicies.Load(), engine);
        check.Should().Throw<InvalidOperationException>().WithMessage("*NoSupervisor disagrees*chi-01*");
    }

    [Fact]
    public void The_load_benchmark_compiles_every_built_in_document()
    {
        var load = new LoadBenchmarks();
        load.Setup();
        load.ParseValidateCompile().Documents.Should().HaveCount(BuiltInPolicies.DocumentNames.Count);
        load.ParseValidate().Should().HaveCount(BuiltInPolicies.DocumentNames.Count);
        load.Compile().Rules.Should().NotBeEmpty();
    }

    [Fact]
    public void The_batch_apis_decide_as_the_baseline_does()
    {
        var requests = Requests.Random(10_000, seed: 3);
        var policies = BuiltInPolicies.Load();
        var single = new CompactDecision[requests.Length];
        var parallel = new CompactDecision[requests.Length];
        policies.DecideAll(requests, single);
        policies.DecideAllParallel(requests, parallel);
        var expected = requests.Select(HandWritten.DecideOutcome).ToArray();
        single.Select(d => d.Outcome).Should().Equal(expected);
        parallel.Select(d => d.Outcome).Should().Equal(expected);
    }

    private sealed class WrongEngine : IDecider
    {
        public string Name => "AlwaysDenied";

        public Verdict Decide(AssistanceRequest request) => new(Outcome.Denied, EnumSet<Obligation>.Empty);
    }

    private sealed class DelegateEngine(string name, Func<AssistanceRequest, Verdict> decide) : IDecider
    {
        public string Name => name;

        public Verdict Decide(AssistanceRequest request) => decide(request);
    }
}
