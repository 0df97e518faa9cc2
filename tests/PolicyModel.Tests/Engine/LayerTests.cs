using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>semantics.md section 4: layers, the chain, and which respondents a rule binds.</summary>
public sealed class LayerTests
{
    private static readonly PolicySet Set = Compile(
        Us(Rule("us-background", "none", when: [When("assistance", "hold-past-release")])),
        State(Rule("st-hold-ban", "prohibit", binds: ["police", "sheriff", "jail"], when: [When("assistance", "hold-past-release")], obligations: ["release-when-eligible"])),
        County(Rule("co-hold-ban", "prohibit", binds: ["sheriff", "jail"], when: [When("assistance", "hold-past-release")])),
        City(Rule("ci-supervisor", "none", binds: ["police"], obligations: ["supervisor-to-scene"])));

    private static AssistanceRequestBuilder Hold() =>
        Request("ci").AskingFor(AssistanceKind.HoldPastRelease).Presenting(Authority.ImmigrationDetainer);

    [Fact]
    public void Section_4_1_chain_is_outermost_first_and_ends_with_the_requests_jurisdiction()
    {
        Set.Decide(Hold().Build()).JurisdictionChain.Select(j => j.Value).Should().Equal("us", "st", "co", "ci");
        Set.Decide(Request("co").Build()).JurisdictionChain.Select(j => j.Value).Should().Equal("us", "st", "co");
        Set.Decide(Request("us").Build()).JurisdictionChain.Select(j => j.Value).Should().Equal("us");
        Set.ChainOf("st").Select(j => j.Value).Should().Equal("us", "st");
    }

    [Fact]
    public void Section_4_1_5_county_rule_binding_sheriff_and_jail_does_not_count_for_city_police()
    {
        var decision = Set.Decide(Hold().AddressedTo(Respondent.Police).Build());

        decision.Rules().Should().Equal("st-hold-ban", "ci-supervisor", "us-background");
        decision.Rules().Should().NotContain("co-hold-ban");
    }

    [Fact]
    public void Section_4_1_5_sheriff_in_the_city_gets_federal_state_and_county_rules_and_no_city_police_duty()
    {
        var decision = Set.Decide(Hold().AddressedTo(Respondent.Sheriff).Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal("co-hold-ban", "st-hold-ban", "us-background");
        decision.Obligations.Should().Equal(Obligation.ReleaseWhenEligible);
        decision.Obligations.Should().NotContain(Obligation.SupervisorToScene);
    }

    [Fact]
    public void Section_4_1_5_a_rule_binding_no_asked_respondent_never_counts()
    {
        var decision = Set.Decide(Hold().AddressedTo(Respondent.LocalGovernment).Build());

        decision.Outcome.Should().Be(Outcome.Discretionary);
        decision.Rules().Should().Equal("us-background");
    }

    [Fact]
    public void Section_4_1_rules_of_a_sibling_or_nested_jurisdiction_are_not_consulted()
    {
        // A request in the county does not see the city's rules; a request in a sibling state sees neither.
        var set = Compile(
            Us(),
            State(Rule("st-rule", "prohibit")),
            Define("other", "state", "us", rules: [Rule("other-rule", "permit")]),
            County(),
            City(Rule("ci-rule", "permit", binds: ["sheriff"])));

        set.Decide(Request("co").AddressedTo(Respondent.Sheriff).Build()).Rules().Should().Equal("st-rule");
        set.Decide(Request("other").Build()).Rules().Should().Equal("other-rule");
    }

    [Fact]
    public void Section_4_1_6_a_department_directive_cannot_loosen_its_citys_ordinance()
    {
        // The city document holds a department-layer rule and declares that its own prohibitions preempt it.
        var set = Compile(
            Us(),
            State(),
            County(),
            Define("ci", "city", "co",
                rules:
                [
                    Rule("ci-ban", "prohibit", binds: ["police"], when: [When("assistance", "share-immigration-status")]),
                    Rule("dept-allow", "permit", binds: ["police"], layer: "department", when: [When("assistance", "share-immigration-status")]),
                    Rule("dept-procedure", "none", binds: ["police"], layer: "department", obligations: ["supervisor-to-scene"]),
                ],
                preemption: [Preemption("city-over-department", ["prohibit"], ["permit", "require"], ["department"])]));

        var decision = set.Decide(Request("ci").AskingFor(AssistanceKind.ShareImmigrationStatus).Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.PreemptedRules().Should().Equal("dept-allow");
        decision.Rules().Should().Equal("ci-ban", "dept-procedure");
        decision.Obligations.Should().Equal([Obligation.SupervisorToScene], "the directive still adds procedure");
        decision.Conflicts.Should().BeEmpty();
    }
}
