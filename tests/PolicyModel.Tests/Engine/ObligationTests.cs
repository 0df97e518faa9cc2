using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>semantics.md section 12: obligations are the union over counting rules, in the contract's order.</summary>
public sealed class ObligationTests
{
    private static readonly PolicySet Set = Compile(
        Us(),
        State(
            // Catalogue order deliberately differs from the contract's table order.
            Rule("st-record", "none", when: [When("requester", "ice-ero", "cbp")], obligations: ["record-request"]),
            Rule("st-hold-ban", "prohibit", when: [When("assistance", "hold-past-release"), When("authority", "immigration-detainer")], obligations: ["release-when-eligible", "record-request"]),
            Rule("st-inform", "none", when: [When("assistance", "hold-past-release")], obligations: ["inform-subject"]),
            Rule("st-proof", "permit", when: [Test("subjectFacts", "anyOf", "proof-of-lawful-status")], excepts: ["st-hold-ban"]),
            Rule("st-emergency", "police-action", when: [Is("circumstances", "non-empty")])),
        County(),
        City(Rule("ci-supervisor", "none", binds: ["police"], when: [When("requester", "ice-ero", "cbp")], obligations: ["supervisor-to-scene"])));

    private static AssistanceRequestBuilder Hold() =>
        Request("ci").AskingFor(AssistanceKind.HoldPastRelease).Presenting(Authority.ImmigrationDetainer);

    [Fact]
    public void Section_4_8_obligations_are_the_union_over_counting_rules_in_contract_order()
    {
        var decision = Set.Decide(Hold().Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Obligations.Should().Equal(
            Obligation.SupervisorToScene, Obligation.RecordRequest, Obligation.InformSubject, Obligation.ReleaseWhenEligible);
    }

    [Fact]
    public void Section_4_8_obligations_of_none_rules_are_reported_whatever_the_outcome()
    {
        var decision = Set.Decide(Request("ci").AskingFor(AssistanceKind.OnSceneSupport).Build());

        decision.Outcome.Should().Be(Outcome.Discretionary);
        decision.Obligations.Should().Equal(Obligation.SupervisorToScene, Obligation.RecordRequest);
    }

    [Fact]
    public void Section_4_8_release_when_eligible_is_reported_only_with_denied()
    {
        // The same prohibition counts, but a medical emergency turns the outcome into police action.
        var policeAction = Set.Decide(Hold().WithCircumstances(Circumstance.MedicalEmergency).Build());

        policeAction.Outcome.Should().Be(Outcome.PoliceAction);
        policeAction.Rules().Should().Contain("st-hold-ban");
        policeAction.Obligations.Should().Equal(Obligation.SupervisorToScene, Obligation.RecordRequest, Obligation.InformSubject);
        policeAction.Explanation.Should().NotContain("Release the person");
    }

    [Fact]
    public void Section_4_8_release_when_eligible_is_not_reported_when_the_outcome_is_granted()
    {
        var set = Compile(
            Us(),
            State(
                Rule("st-none-release", "none", obligations: ["release-when-eligible", "record-request"]),
                Rule("st-permit", "permit")));

        var decision = set.Decide(Request("st").Build());

        decision.Outcome.Should().Be(Outcome.Granted);
        decision.Obligations.Should().Equal(Obligation.RecordRequest);
    }

    [Fact]
    public void Section_4_8_obligations_of_excepted_or_non_binding_rules_do_not_apply()
    {
        // A court asks, so only the hold ban could give record-request and release-when-eligible; it is excepted.
        var excepted = Set.Decide(Hold().From(Requester.Court).WithSubjectFacts(SubjectFact.ProofOfLawfulStatus).Build());

        excepted.Outcome.Should().Be(Outcome.Granted);
        excepted.Obligations.Should().Equal(Obligation.InformSubject);

        var sheriff = Set.Decide(Hold().AddressedTo(Respondent.Sheriff).From(Requester.Court).Build());
        sheriff.Obligations.Should().Equal(Obligation.RecordRequest, Obligation.InformSubject, Obligation.ReleaseWhenEligible);
    }

    [Fact]
    public void Section_4_8_obligations_of_a_preempted_rule_do_not_apply()
    {
        var set = Compile(
            Us(),
            Define("st", "state", "us", rules: [Rule("st-require", "require")], preemption: [Mandate()]),
            County(Rule("co-ban", "prohibit", obligations: ["release-when-eligible", "record-request"])));

        var decision = set.Decide(Request("co").Build());

        decision.Outcome.Should().Be(Outcome.Required);
        decision.Obligations.Should().BeEmpty();
    }
}
