using CsCheck;
using NodaTime;
using Xunit.Abstractions;

namespace PolicyModel.Reliability.Tests.Properties;

/// <summary>
/// Issue 9, part 2: properties of deciding random valid requests against the built-in policies. CsCheck draws the
/// requests (every vocabulary value, times from 1990 to 2035 with half of them near a date on which a law changes,
/// any quarter-hour offset); a failure prints the seed and the shrunk request.
/// </summary>
public sealed class DecisionProperties(ITestOutputHelper output)
{
    /// <summary>Iterations per property (CsCheck runs them on every core).</summary>
    internal const int Iterations = 3_000;

    private static readonly PolicySet Set = TestInputs.BuiltIns;

    [Fact]
    public void Deciding_a_valid_request_never_throws_and_every_entry_point_agrees() =>
        Generators.Requests.Sample(request =>
        {
            var (decision, problem) = PublicApi.Decide(Set, request);
            problem.Should().BeNull();
            decision.Should().NotBeNull();
        }, iter: Iterations / 3, writeLine: output.WriteLine);

    [Fact]
    public void The_same_request_always_gets_the_same_decision()
    {
        // A second set compiled from the same documents: nothing may depend on which set, or on a cache's state.
        var other = PolicySet.Compile(TestInputs.BuiltInDocs);
        Generators.Requests.Sample(request =>
        {
            var first = Set.Decide(request);
            Set.Decide(request).Should().Be(first);
            Set.Decide(request with { }).Should().Be(first);
            other.Decide(request).Should().Be(first);
            Set.Explain(request).Decision.Should().Be(first, "the traced reference evaluator agrees with the compiled tables");
        }, iter: Iterations, writeLine: output.WriteLine);
    }

    [Fact]
    public void Every_deciding_rule_citation_and_preempted_rule_exists_in_the_loaded_documents() =>
        Generators.Requests.Sample(request =>
        {
            var decision = Set.Decide(request);
            var jurisdiction = Set.Jurisdictions.Single(j => j.Id == request.Jurisdiction);
            decision.JurisdictionChain.Should().Equal(Set.ChainOf(request.Jurisdiction));
            decision.EffectiveDate.Should().Be(request.ReceivedAt.ToInstant().InZone(jurisdiction.TimeZone).Date);

            var rules = new List<Rule>();
            foreach (var id in decision.DecidingRules)
            {
                if (Set.FindRule(id) is { } rule)
                {
                    rule.Binds.Should().Contain(request.Respondent, $"{id} decides, so it binds the respondent");
                    rule.Period.Contains(decision.EffectiveDate).Should().BeTrue($"{id} decides, so it is in force on {decision.EffectiveDate}");
                    decision.JurisdictionChain.Should().Contain(rule.Jurisdiction);
                    rules.Add(rule);
                }
                else
                {
                    var presumption = Set.Presumptions.Should().ContainSingle(p => p.Id == id, $"{id} is a rule or a presumption of the set").Subject;
                    request.Purpose.Should().Be(Purpose.Unknown, "a presumption decides only an unknown purpose");
                    presumption.Period.Contains(decision.EffectiveDate).Should().BeTrue();
                }
            }

            decision.Citations.Should().Equal(rules.Select(r => r.Provision.CitationOn(decision.EffectiveDate)).Distinct(),
                "each citation is the provision of a deciding rule, controlling provision first");
            decision.Obligations.Should().BeSubsetOf(rules.SelectMany(r => r.Obligations));
            foreach (var id in decision.Preempted)
            {
                Set.FindRule(id).Should().NotBeNull($"preempted rule {id} exists");
            }

            decision.RequestId.Should().Be(request.Id);
        }, iter: Iterations, writeLine: output.WriteLine);

    [Fact]
    public void An_instant_written_with_another_offset_gets_the_same_decision() =>
        Gen.Select(Generators.Requests, Generators.Offsets).Sample((request, offset) =>
        {
            var moved = request with { ReceivedAt = request.ReceivedAt.ToInstant().WithOffset(offset) };
            moved.ReceivedAt.Should().NotBeSameAs(request.ReceivedAt);
            Set.Decide(moved).Should().Be(Set.Decide(request));

            // The same through the JSON the contract defines.
            Set.Decide(RequestJson.Parse(RequestJson.Serialize(moved))).Should().Be(Set.Decide(request));
        }, iter: Iterations, writeLine: output.WriteLine);

    [Fact]
    public void A_decision_written_as_json_and_read_back_is_equal() =>
        Gen.Select(Generators.Requests, Gen.Bool).Sample((request, indented) =>
        {
            var decision = Set.Decide(request);
            var json = DecisionJson.Serialize(decision, indented);
            DecisionJson.Parse(json).Should().Be(decision);
            DecisionJson.Serialize(DecisionJson.Parse(json), indented).Should().Be(json, "writing is deterministic");
        }, iter: Iterations, writeLine: output.WriteLine);

    [Fact]
    public void A_request_written_as_json_and_read_back_is_equal() =>
        Gen.Select(Generators.Requests, Gen.Bool).Sample((request, indented) =>
        {
            var json = RequestJson.Serialize(request, indented);
            RequestJson.Parse(json).Should().Be(request);
            RequestJson.ReadAll(TestInputs.Utf8($"[{json},{json}]"), "requests.json", out var wasArray).Should().Equal(request, request);
            wasArray.Should().BeTrue();
        }, iter: Iterations, writeLine: output.WriteLine);

    [Fact]
    public void Any_text_is_accepted_as_an_id_when_json_can_carry_it_and_rejected_when_it_cannot() =>
        Gen.Select(Generators.Requests, Gen.String[0, 128]).Sample((request, id) =>
        {
            var withId = request with { Id = id };
            if (Generators.IsWellFormed(id))
            {
                var decision = Set.Decide(withId);
                decision.RequestId.Should().Be(id);
                DecisionJson.Parse(DecisionJson.Serialize(decision)).RequestId.Should().Be(id);
                RequestJson.Parse(RequestJson.Serialize(withId)).Id.Should().Be(id);
            }
            else
            {
                Set.Invoking(s => s.Decide(withId)).Should().Throw<InvalidRequestException>()
                    .Which.Problems.Should().ContainSingle(p => p.Code == ProblemCodes.InvalidValue && p.Path == "$.id");
            }
        }, iter: Iterations, writeLine: output.WriteLine);

    [Fact]
    public void Deciding_many_requests_in_parallel_gives_the_decisions_of_deciding_them_one_by_one() =>
        Generators.Requests.Array[1, 300].Sample(requests =>
        {
            var results = new CompactDecision[requests.Length];
            Set.DecideAllParallel(requests, results, maxDegreeOfParallelism: 4);
            results.Select(r => r.ToDecision()).Should().Equal(Set.DecideAll(requests));
        }, iter: 100, writeLine: output.WriteLine);
}
