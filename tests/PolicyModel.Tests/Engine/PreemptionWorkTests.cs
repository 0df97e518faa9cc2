using PolicyModel.Engine;

namespace PolicyModel.Tests.Engine;

/// <summary>
/// Preemption used to take every target every counting rule names: 38 state rules each preempting the same 9,962
/// city rules were 378,556 lookups for one decision (and seconds of work). The work is now the counting rules and
/// the preemptions they take part in: each preempted rule is looked up once. The evaluator counts its lookups, so
/// these tests hold the work to that without timing anything.
/// </summary>
public sealed class PreemptionWorkTests
{
    private const int Preempting = 38;
    private const int Targets = 500;

    private static PolicySet StateRulesPreemptingTheSameCityRules(string preemptingPeriod = """{ "from": "2000-01-01" }""")
    {
        static string Document(string id, string level, string? parent, IEnumerable<string> rules) => $$"""
            { "format": "policymodel/1",
              "jurisdiction": { "id": "{{id}}", "name": "{{id}}", "timeZone": "UTC", "level": "{{level}}"{{(parent is null ? "" : $", \"parent\": \"{parent}\"")}} },
              "sources": [ { "id": "code", "kind": "statute", "title": "Code", "citation": "C" } ],
              "rules": [ {{string.Join(",\n", rules)}} ] }
            """;
        var targets = string.Join(", ", Enumerable.Range(0, Targets).Select(k => $"\"t{k}\""));
        var state = Enumerable.Range(0, Preempting).Select(i =>
            $$"""{ "id": "p{{i}}", "source": "code", "section": "p{{i}}", "period": {{preemptingPeriod}}, "binds": ["police"], "effect": "permit", "preempts": [ {{targets}} ] }""");
        var city = Enumerable.Range(0, Targets).Select(i =>
            $$"""{ "id": "t{{i}}", "source": "code", "section": "t{{i}}", "binds": ["police"], "effect": "prohibit" }""");
        return PolicySet.Compile(
        [
            PolicyDocument.Parse(Document("zz", "state", null, state), "zz.json"),
            PolicyDocument.Parse(Document("zz-city", "city", "zz", city), "zz-city.json"),
        ]);
    }

    private static AssistanceRequest Request(string receivedAt = "2025-03-01T12:00:00Z") => RequestJson.Parse($$"""
        { "jurisdiction": "zz-city", "receivedAt": "{{receivedAt}}", "requester": "ice-ero",
          "purpose": "civil-immigration-enforcement", "assistance": "stop-or-arrest" }
        """);

    private static Evaluation Evaluate(PolicySet set, AssistanceRequest request)
    {
        var jurisdiction = set.CompiledJurisdictionOf(request.Jurisdiction);
        var date = jurisdiction.LocalDateOf(request.ReceivedAt.ToInstant());
        return Evaluator.Evaluate(new Facts(request, request.Purpose, withCircumstances: true), request.Respondent, date, jurisdiction, trace: null);
    }

    [Fact]
    public void Many_rules_preempting_the_same_rules_look_up_each_preempted_rule_once_not_once_per_preempting_rule()
    {
        var set = StateRulesPreemptingTheSameCityRules();

        var evaluation = Evaluate(set, Request());

        evaluation.Preempted.Should().HaveCount(Targets);
        evaluation.Counting.Select(r => r.Rule.Id.Value).Should().Equal(Enumerable.Range(0, Preempting).Select(i => $"p{i}"));
        evaluation.PreemptionLookups.Should().Be(Targets, "each preempted rule stops at its first preempting rule that counts (the old work was {0})", Preempting * Targets);
    }

    [Fact]
    public void The_preempting_rule_named_is_the_first_that_counts_in_evaluation_order()
    {
        var set = StateRulesPreemptingTheSameCityRules();

        var decision = set.Decide(Request());

        decision.Outcome.Should().Be(Outcome.Granted);
        decision.Preempted.Select(r => r.Value).Should().Equal(Enumerable.Range(0, Targets).Select(k => $"t{k}"));
        decision.Should().Be(set.DecideReference(Request()));
        Evaluate(set, Request()).Preempted.Select(p => p.By).Distinct().Should().Equal("C p0");
    }

    [Fact]
    public void Preempting_rules_not_in_force_cost_only_the_targets_of_the_rules_that_count()
    {
        // The 38 state rules end before the request: the city rules count, named by 38 rules each that do not. The
        // lookup goes from the side that names fewer rules (the counting state rules: none), so it costs nothing.
        var set = StateRulesPreemptingTheSameCityRules("""{ "from": "2000-01-01", "to": "2010-01-01" }""");

        var evaluation = Evaluate(set, Request());

        evaluation.Preempted.Should().BeEmpty();
        evaluation.Counting.Should().HaveCount(Targets);
        evaluation.PreemptionLookups.Should().Be(0);
        set.Decide(Request()).Outcome.Should().Be(Outcome.Denied);
    }
}
