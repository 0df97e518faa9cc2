using System.Text.Json.Nodes;
using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>semantics.md section 11: presumptions, then the unknown-purpose test.</summary>
public sealed class UnknownPurposeTests
{
    private static readonly JsonObject[] CivilVersusCriminal =
    [
        Us(
            Rule("us-criminal", "permit", when: [When("purpose", "criminal-investigation")]),
            Rule("us-criminal-note", "none", when: [When("purpose", "criminal-investigation")], obligations: ["inform-subject"]),
            Rule("us-emergency", "police-action", when: [Is("circumstances", "non-empty")])),
        State(
            Rule("st-civil-ban", "prohibit", when: [When("purpose", "civil-immigration-enforcement")], obligations: ["release-when-eligible"]),
            Rule("st-record", "none", when: [When("purpose", "civil-immigration-enforcement")], obligations: ["record-request"])),
    ];

    [Fact]
    public void Section_4_7_c_variants_differ_outcome_is_refer_keeping_the_civil_variants_none_rules()
    {
        var set = Compile([.. CivilVersusCriminal]);

        var decision = set.Decide(Request("st").ForPurpose(Purpose.Unknown).Build());

        decision.Outcome.Should().Be(Outcome.Refer);
        decision.Rules().Should().Equal("st-record");
        decision.Citations.Should().Equal("ST st-record");
        decision.Obligations.Should().Equal(Obligation.RecordRequest);
        decision.Explanation.Should().StartWith("Refer: ")
            .And.Contain("did not state its purpose")
            .And.Contain("as civil immigration enforcement the stop-or-arrest would be denied (ST st-civil-ban)")
            .And.Contain("as a criminal investigation granted (US us-criminal)")
            .And.Contain("ask whether the matter is civil immigration enforcement");
    }

    [Fact]
    public void Section_4_7_c_variants_differ_with_circumstances_outcome_is_police_action()
    {
        var set = Compile([.. CivilVersusCriminal]);

        var decision = set.Decide(Request("st").ForPurpose(Purpose.Unknown).WithCircumstances(Circumstance.CrimeInProgress).Build());

        decision.Outcome.Should().Be(Outcome.PoliceAction);
        decision.Rules().Should().Equal("us-emergency", "st-record");
        decision.Explanation.Should().StartWith("Police action: act on the crime-in-progress as ordinary police work only.")
            .And.Contain("did not state its purpose");
    }

    [Fact]
    public void Section_4_6_step_7_variants_differ_with_circumstances_but_no_police_action_rule_stays_refer()
    {
        // Police action needs a counting police-action rule (4.6 step 7); circumstances alone do not create one.
        var set = Compile(
            Us(Rule("us-criminal", "permit", when: [When("purpose", "criminal-investigation")])),
            State(Rule("st-civil-ban", "prohibit", when: [When("purpose", "civil-immigration-enforcement")])));

        var decision = set.Decide(Request("st").ForPurpose(Purpose.Unknown).WithCircumstances(Circumstance.CrimeInProgress).Build());

        decision.Outcome.Should().Be(Outcome.Refer);
        decision.Explanation.Should().StartWith("Refer: the requester did not state its purpose");
    }

    [Fact]
    public void Section_4_7_c_variants_are_decided_with_circumstances_removed()
    {
        // With circumstances the civil variant would be police-action and the criminal one granted; without them,
        // denied and granted. Either way they differ, and the explanation reports the variants without circumstances.
        var set = Compile([.. CivilVersusCriminal]);

        var decision = set.Decide(Request("st").ForPurpose(Purpose.Unknown).WithCircumstances(Circumstance.TrafficHazard).Build());

        decision.Explanation.Should().Contain("would be denied").And.NotContain("would be police-action");
    }

    [Fact]
    public void Section_4_7_c_variants_agree_the_request_is_decided_as_given()
    {
        var set = Compile(
            Us(),
            State(
                Rule("st-ban", "prohibit", when: [When("assistance", "enter-287g-agreement")]),
                Rule("st-civil-note", "none", when: [When("purpose", "civil-immigration-enforcement")], obligations: ["record-request"])));

        var decision = set.Decide(Request("st").ForPurpose(Purpose.Unknown).AskingFor(AssistanceKind.Enter287gAgreement).Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal(["st-ban"], "`unknown` matches no purpose condition");
        decision.Obligations.Should().BeEmpty();
        decision.Explanation.Should().NotContain("did not state its purpose");
    }

    [Fact]
    public void Section_4_7_c_unknown_matches_only_conditions_that_name_it_or_noneOf_lists_that_omit_it()
    {
        var set = Compile(
            Us(),
            State(
                Rule("st-names-unknown", "none", when: [When("purpose", "unknown")]),
                Rule("st-not-civil", "none", when: [Test("purpose", "noneOf", "civil-immigration-enforcement")]),
                Rule("st-civil", "none", when: [When("purpose", "civil-immigration-enforcement")])));

        set.Decide(Request("st").ForPurpose(Purpose.Unknown).Build()).Rules().Should().Equal("st-names-unknown", "st-not-civil");
    }

    [Fact]
    public void Section_4_6_step_3_a_presumption_supplies_the_purpose_before_rules_match()
    {
        var set = Compile(
            [.. CivilVersusCriminal.Take(1),
            Define("st", "state", "us",
                rules:
                [
                    Rule("st-civil-ban", "prohibit", when: [When("purpose", "civil-immigration-enforcement")]),
                    Rule("st-unknown", "refer", when: [When("purpose", "unknown")]),
                ],
                presumptions: [Presumption("st-presume-civil", "civil-immigration-enforcement", when: [When("authority", "administrative-warrant")],
                    explains: "the only document shown is a civil one")])]);

        var decision = set.Decide(Request("st").ForPurpose(Purpose.Unknown).Presenting(Authority.AdministrativeWarrant).Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal("st-civil-ban", "st-presume-civil");
        decision.Citations.Should().Equal("ST st-civil-ban");
        decision.Explanation.Should().Contain("he requester did not state a purpose, and the only document shown is a civil one");
    }

    [Fact]
    public void Section_4_6_step_3_the_first_matching_presumption_of_the_most_specific_layer_applies()
    {
        var set = Compile(
            Us(
                Rule("us-civil", "prohibit", when: [When("purpose", "civil-immigration-enforcement")]),
                Rule("us-criminal", "permit", when: [When("purpose", "criminal-investigation")])),
            Define("st", "state", "us", presumptions: [Presumption("st-presume-criminal", "criminal-investigation")]),
            County(),
            Define("ci", "city", "co", presumptions:
            [
                Presumption("dept-presume-civil", "civil-immigration-enforcement", layer: "department", binds: ["police"], from: "2019-09-30",
                    when: [When("requester", "ice-ero", "cbp")]),
                Presumption("ci-presume-benefit", "immigration-benefit", when: [When("requester", "ice-ero")]),
            ]));

        // The department presumption is the most specific and matches.
        set.Decide(Request("ci", "2020-01-01T12:00:00-06:00").ForPurpose(Purpose.Unknown).Build()).Rules()
            .Should().Equal("us-civil", "dept-presume-civil");

        // Before it is in force, the city's presumption applies.
        set.Decide(Request("ci", "2019-09-29T12:00:00-05:00").ForPurpose(Purpose.Unknown).Build()).Rules()
            .Should().Equal("ci-presume-benefit");

        // A respondent it does not bind, a requester it does not match: the state's.
        set.Decide(Request("ci", "2020-01-01T12:00:00-06:00").AddressedTo(Respondent.Jail).ForPurpose(Purpose.Unknown).From(Requester.Cbp).Build()).Rules()
            .Should().Equal("us-criminal", "st-presume-criminal");
    }

    [Fact]
    public void Section_4_6_step_3_presumptions_apply_only_to_an_unknown_purpose()
    {
        var set = Compile(Us(), Define("st", "state", "us",
            rules: [Rule("st-civil", "prohibit", when: [When("purpose", "civil-immigration-enforcement")])],
            presumptions: [Presumption("st-presume-civil", "civil-immigration-enforcement")]));

        var decision = set.Decide(Request("st").ForPurpose(Purpose.CriminalInvestigation).Build());

        decision.Outcome.Should().Be(Outcome.Discretionary);
        decision.Rules().Should().BeEmpty();
    }

    [Fact]
    public void Section_4_7_c_with_no_presumption_in_force_the_unknown_purpose_test_runs()
    {
        var set = Compile(
            [CivilVersusCriminal[0],
            Define("st", "state", "us",
                rules: [Rule("st-civil-ban", "prohibit", when: [When("purpose", "civil-immigration-enforcement")])],
                presumptions: [Presumption("st-presume-civil", "civil-immigration-enforcement", to: "2019-01-01")])]);

        set.Decide(Request("st", "2018-12-31T12:00:00-06:00").ForPurpose(Purpose.Unknown).Build()).Outcome.Should().Be(Outcome.Denied);
        set.Decide(Request("st", "2019-01-01T12:00:00-06:00").ForPurpose(Purpose.Unknown).Build()).Outcome.Should().Be(Outcome.Refer);
    }
}
