using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>semantics.md section 13: what the decision prints (deciding rules, citations, explanation).</summary>
public sealed class DecisionOutputTests
{
    private static readonly PolicySet Layered = Compile(
        Us(
            Rule("us-none", "none"),
            Rule("us-refer", "refer")),
        State(
            Rule("st-prohibit", "prohibit"),
            Rule("st-none", "none")),
        County(),
        Define("ci", "city", "co",
            rules:
            [
                Rule("ci-none", "none"),
                Rule("ci-z-prohibit", "prohibit"),
                Rule("ci-a-prohibit", "prohibit"),
                Rule("dept-prohibit", "prohibit", layer: "department"),
                Rule("ci-refer", "refer"),
                Rule("dept-none", "none", layer: "department"),
                Rule("ci-emergency", "police-action", when: [Is("circumstances", "non-empty")]),
            ],
            presumptions: [Presumption("ci-presume-civil", "civil-immigration-enforcement", when: [When("requester", "ice-ero")])]));

    [Fact]
    public void Section_4_9_deciding_rules_outcome_rules_first_then_other_effects_then_none_rules_then_presumption()
    {
        var decision = Layered.Decide(Request("ci").ForPurpose(Purpose.Unknown).Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal(
            "dept-prohibit", "ci-z-prohibit", "ci-a-prohibit", "st-prohibit", // produced the outcome: department, city (catalogue order), state
            "ci-refer", "us-refer", // other counting rules with an effect
            "dept-none", "ci-none", "st-none", "us-none", // none rules
            "ci-presume-civil"); // the presumption used
    }

    [Fact]
    public void Section_4_9_citations_follow_the_deciding_rules_and_presumptions_add_none()
    {
        var decision = Layered.Decide(Request("ci").ForPurpose(Purpose.Unknown).Build());

        decision.Citations.Should().Equal(
            "CI dept-prohibit", "CI ci-z-prohibit", "CI ci-a-prohibit", "ST st-prohibit",
            "CI ci-refer", "US us-refer",
            "CI dept-none", "CI ci-none", "ST st-none", "US us-none");
    }

    [Fact]
    public void Section_4_9_for_police_action_the_police_action_rules_come_first()
    {
        var decision = Layered.Decide(Request("ci").WithCircumstances(Circumstance.OfficerInDanger).Build());

        decision.Outcome.Should().Be(Outcome.PoliceAction);
        decision.Rules().Should().Equal(
            "ci-emergency",
            "dept-prohibit", "ci-z-prohibit", "ci-a-prohibit", "ci-refer", "st-prohibit", "us-refer",
            "dept-none", "ci-none", "st-none", "us-none");
        decision.Explanation.Should().StartWith("Police action: act on the officer-in-danger as ordinary police work (CI ci-emergency)");
    }

    [Fact]
    public void Section_4_9_explanation_of_a_denial_names_the_controlling_provision_and_never_suggests_obstruction()
    {
        var set = Compile(Us(), State(Rule("st-ban", "prohibit", when: [When("assistance", "stop-or-arrest")], explains: "forbids arresting a person on a civil document")));

        var decision = set.Decide(Request("st").Build());

        decision.Explanation.Should().StartWith("Denied: ST st-ban forbids arresting a person on a civil document")
            .And.Contain("assistance stop-or-arrest")
            .And.NotContainAny("obstruct", "interfere", "resist");
    }

    [Fact]
    public void Section_4_9_explanation_of_discretionary_and_refer_outcomes()
    {
        var set = Compile(Us(), State(Rule("st-refer", "refer", when: [When("assistance", "detention-contract")])));

        set.Decide(Request("st", "2021-08-02T12:00:00-05:00").Build()).Explanation
            .Should().StartWith("Discretionary: no law in force on 2021-08-02 decides this request; agency policy does.");
        set.Decide(Request("st").AskingFor(AssistanceKind.DetentionContract).Build()).Explanation
            .Should().StartWith("Refer: ST st-refer").And.Contain("Escalate to the law department.");
    }

    [Theory]
    [InlineData("2024-12-31T23:59:00-06:00", "Tex. Code Crim. Proc. art. 2.251")]
    [InlineData("2025-01-01T00:00:00-06:00", "Tex. Code Crim. Proc. art. 2A.060")]
    [InlineData("2030-06-01T12:00:00-05:00", "Tex. Code Crim. Proc. art. 2A.060")]
    public void Section_4_9_dated_section_variants_print_the_numbering_in_use_on_the_local_date(string receivedAt, string citation)
    {
        var set = Compile(
            Us(),
            Define("tx", "state", "us", citation: "Tex. Code Crim. Proc.",
                rules: [Rule("tx-detainer", "require", sections: Sections("art. 2.251", ("2025-01-01", "art. 2A.060")))]));

        var decision = set.Decide(Request("tx", receivedAt).Build());

        decision.Citations.Should().Equal(citation);
        decision.Explanation.Should().Contain(citation);
    }

    [Fact]
    public void Section_4_9_local_date_not_utc_date_chooses_the_section_variant()
    {
        var set = Compile(
            Us(),
            Define("tx", "state", "us", citation: "Tex. Code Crim. Proc.",
                rules: [Rule("tx-detainer", "require", sections: Sections("art. 2.251", ("2025-01-01", "art. 2A.060")))]));

        // 2025-01-01T03:00Z is still 2024-12-31 in America/Chicago.
        set.Decide(Request("tx", "2025-01-01T03:00:00Z").Build()).Citations.Should().Equal("Tex. Code Crim. Proc. art. 2.251");
    }

    [Fact]
    public void Section_4_9_an_empty_citation_prefix_prints_the_section_alone()
    {
        var set = Compile(
            Us(),
            Define("st", "state", "us", citation: "", rules: [Rule("st-doctrine", "permit", section: "general police power")]));

        set.Decide(Request("st").Build()).Citations.Should().Equal("general police power");
    }
}
