using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>semantics.md section 9: user documents that make a prohibition and a permission or requirement meet.</summary>
public sealed class ConflictTests
{
    [Fact]
    public void Section_4_4_conflict_in_one_layer_prohibition_wins_both_rules_appear_and_the_conflict_is_reported()
    {
        var set = Compile(Us(), State(
            Rule("st-ban", "prohibit", when: [When("assistance", "transfer-custody")]),
            Rule("st-allow", "permit", when: [When("assistance", "transfer-custody")])));

        var decision = set.Decide(Request("st").AskingFor(AssistanceKind.TransferCustody).Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal("st-ban", "st-allow");
        decision.Conflicts.Should().Equal(new RuleConflict("st-ban", "st-allow"));
        decision.Explanation.Should().Contain("onflict: st-ban prohibits what st-allow allows and neither is an exception to the other, so the prohibition prevails");
    }

    [Fact]
    public void Section_4_4_prohibit_meeting_require_is_a_conflict_too()
    {
        var set = Compile(Us(), State(
            Rule("st-require", "require"),
            Rule("st-ban", "prohibit")));

        var decision = set.Decide(Request("st").Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Conflicts.Should().Equal(new RuleConflict("st-ban", "st-require"));
    }

    [Fact]
    public void Section_4_4_no_conflict_when_one_rule_excepts_the_other_or_they_do_not_both_count()
    {
        var set = Compile(Us(), State(
            Rule("st-ban", "prohibit"),
            Rule("st-allow", "permit", when: [When("authority", "court-order")], excepts: ["st-ban"])));

        set.Decide(Request("st").Presenting(Authority.CourtOrder).Build()).Conflicts.Should().BeEmpty();
        set.Decide(Request("st").Build()).Conflicts.Should().BeEmpty();
    }

    [Fact]
    public void Section_4_4_the_conflict_is_visible_in_the_explained_trace()
    {
        var set = Compile(Us(), State(Rule("st-ban", "prohibit"), Rule("st-allow", "permit")));

        var trace = set.Explain(Request("st").Build());

        trace.Decision.Conflicts.Should().ContainSingle();
        trace.Rules.Where(r => r.Status == RuleStatus.Counts).Select(r => r.Rule.Value).Should().BeEquivalentTo(["st-ban", "st-allow"]);
    }
}
