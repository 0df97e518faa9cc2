using System.Text;

namespace PolicyModel.Reliability.Tests.Budgets;

/// <summary>
/// Decisions at the extremes a valid document can produce: thousands of conflicting rules, hundreds of rules with
/// the longest citations. Each stays within its budget and reads back with <see cref="DecisionJson.Parse"/> as it was written.
/// </summary>
public sealed class ExtremeDecisionTests
{
    private static string Document(int prohibiting, int permitting, string citation = "C", string when = "", string prohibitEffect = "prohibit") =>
        $$"""
        { "format": "policymodel/1",
          "jurisdiction": { "id": "zz", "name": "zz", "timeZone": "UTC", "level": "state" },
          "sources": [ { "id": "code", "kind": "statute", "title": "Code", "citation": "{{citation}}" } ],
          "rules": [ {{string.Join(",\n", Enumerable.Range(0, prohibiting).Select(i => TestInputs.Rule($"p-{i}", prohibitEffect, when))
              .Concat(Enumerable.Range(0, permitting).Select(i => TestInputs.Rule($"q-{i}", "permit", when))))}} ] }
        """;

    private static PolicySet Compile(string json) => PolicySet.Compile([PolicyDocument.Parse(json, "zz.json")]);

    [Fact]
    public void Conflicts_growing_with_the_square_of_the_rules_are_listed_up_to_the_budget_and_counted_beyond()
    {
        var set = Compile(Document(1_001, 1_000));

        var decision = set.Decide(TestInputs.RequestFor("zz"));

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Conflicts.Should().HaveCount(Decision.MaxConflictsListed);
        decision.ConflictsNotListed.Should().Be((1_001L * 1_000) - Decision.MaxConflictsListed);
        decision.Conflicts[0].Should().Be(new RuleConflict(new RuleId("p-0"), new RuleId("q-0")));
        decision.Explanation.Should().Contain("1,000,998 more such conflicts");
        DecisionJson.Serialize(decision).Length.Should().BeLessThan(1_000_000, "a decision is not 65 MB of JSON");
    }

    [Fact]
    public void A_decision_with_a_million_conflicts_reads_back_as_it_was_written()
    {
        var decision = Compile(Document(1_001, 1_000)).Decide(TestInputs.RequestFor("zz"));

        var json = DecisionJson.Serialize(decision);

        json.Should().Contain("\"conflictsNotListed\": 1000900");
        DecisionJson.Parse(json).Should().Be(decision);
    }

    [Fact]
    public void Three_hundred_police_action_rules_with_the_longest_citations_give_a_short_explanation_that_reads_back()
    {
        var citation = new string('c', 4_000);
        var set = Compile(Document(300, 0, citation, "\"when\": [ { \"circumstances\": \"non-empty\" } ]", "police-action"));
        var request = TestInputs.RequestFor("zz") with { Circumstances = EnumSet<Circumstance>.FromMask(1) };

        var decision = set.Decide(request);

        decision.Outcome.Should().Be(Outcome.PoliceAction);
        decision.Explanation.Length.Should().BeLessThan(20 * citation.Length, "an explanation names a few rules and counts the rest");
        decision.Explanation.Should().Contain("and 297 more");
        DecisionJson.Parse(DecisionJson.Serialize(decision)).Should().Be(decision);
    }

    [Fact]
    public void A_decision_written_to_a_stream_reads_back_from_it()
    {
        var decision = Compile(Document(150, 150)).Decide(TestInputs.RequestFor("zz"));
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            DecisionJson.Write(writer, decision);
        }

        DecisionJson.Parse(Encoding.UTF8.GetString(stream.ToArray())).Should().Be(decision);
    }
}
