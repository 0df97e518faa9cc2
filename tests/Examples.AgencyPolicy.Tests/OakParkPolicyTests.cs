using PolicyModel;
using PolicyModel.Testing;

namespace Examples.AgencyPolicy.Tests;

/// <summary>
/// Decision assertions on the village's own rules. Expected outcomes follow the Illinois floor: the village may
/// be stricter than Illinois, never more permissive, and a prohibition outranks any permission.
/// </summary>
public sealed class OakParkPolicyTests
{
    private const string Summer2025 = "2025-06-10T09:00:00-05:00";

    [Fact]
    public void The_village_document_loads_without_problems_and_sits_under_Illinois()
    {
        PolicyDocument.TryLoad(OakPark.PolicyFile, out _, out var problems).Should().BeTrue();
        problems.Should().BeEmpty();

        var decision = OakPark.Policies.Decide(OakPark.RequestAt(Summer2025)
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.OnSceneSupport).Build());

        decision.JurisdictionChain.Select(j => j.Value).Should().Equal("us", "us-il", "us-il-oak-park");
    }

    [Fact]
    public void Civil_on_scene_support_is_denied_by_the_village_ordinance_and_by_Illinois()
    {
        var decision = OakPark.Policies.Decide(OakPark.RequestAt(Summer2025)
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.OnSceneSupport).Build());

        decision.Should().BeDenied()
            .And.BeDecidedBy("op-13-2-3-a-support")
            .And.Cite("Oak Park Village Code 13-2-3(a)")
            .And.Cite("5 ILCS 805/15(h)")
            .And.Impose(Obligation.SupervisorToScene, "the department's general order sends a supervisor")
            .And.Impose(Obligation.RecordRequest)
            .And.NotImpose(Obligation.ReleaseWhenEligible, "nobody is held");
    }

    [Fact]
    public void Before_the_Way_Forward_Act_the_village_was_already_stricter_than_Illinois()
    {
        // 2019: Illinois (5 ILCS 805/15(h), from 2021-08-02) did not yet forbid on-scene support; the village did.
        var request = OakPark.RequestAt("2019-06-10T09:00:00-05:00")
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.OnSceneSupport).Build();

        OakPark.Policies.Decide(request).Should().BeDenied()
            .And.Cite("Oak Park Village Code 13-2-3(a)")
            .And.NotCite("805/15(h)", "the Way Forward Act was not yet in force")
            .And.NotImpose(Obligation.SupervisorToScene, "General Order 2020-04 starts on 2020-04-01")
            .And.NotImpose(Obligation.RecordRequest);

        OakPark.Policies.Decide(request with { Jurisdiction = "us-il" }).Should().BeDiscretionary(
            "elsewhere in Illinois no law in force on 2019-06-10 decided it");
    }

    [Fact]
    public void Civil_use_of_village_facilities_is_denied()
    {
        var decision = OakPark.Policies.Decide(OakPark.RequestAt(Summer2025)
            .From(Requester.Cbp).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.UseOfFacilities).Build());

        decision.Should().BeDenied()
            .And.BeDecidedBy("op-13-2-3-b-facilities")
            .And.Cite("Oak Park Village Code 13-2-3(b)")
            .And.Cite("805/15(h)");
    }

    [Fact]
    public void The_village_permission_to_give_release_dates_is_preempted_by_the_Illinois_floor()
    {
        var decision = OakPark.Policies.Decide(OakPark.RequestAt(Summer2025)
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.ShareReleaseInformation)
            .WithSubjectFacts(SubjectFact.FelonyConviction).Build());

        decision.Should().BeDenied("Illinois forbids giving release information for civil enforcement and local rules cannot loosen it")
            .And.Preempt("op-13-2-5-c-release-notice")
            .And.BeDecidedBy("il-805-15h")
            .And.Cite("5 ILCS 805/15(h)")
            .And.NotCite("13-2-5(c)", "a preempted rule does not decide");
    }

    [Fact]
    public void Before_Illinois_forbade_it_the_village_permission_to_give_release_dates_granted_the_request()
    {
        var decision = OakPark.Policies.Decide(OakPark.RequestAt("2020-05-04T10:00:00-05:00")
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.ShareReleaseInformation)
            .WithSubjectFacts(SubjectFact.FelonyConviction).Build());

        decision.Should().BeGranted()
            .And.BeDecidedBy("op-13-2-5-c-release-notice")
            .And.Cite("Oak Park Village Code 13-2-5(c)")
            .And.Impose(Obligation.SupervisorToScene, "General Order 2020-04 is in force from 2020-04-01");
        decision.Preempted.Should().BeEmpty();
    }

    [Fact]
    public void A_judicial_criminal_warrant_is_ordinary_criminal_process()
    {
        var decision = OakPark.Policies.Decide(OakPark.RequestAt(Summer2025)
            .From(Requester.IceHsi).ForPurpose(Purpose.CriminalImmigrationEnforcement).AskingFor(AssistanceKind.StopOrArrest)
            .Presenting(Authority.JudicialCriminalWarrant).Build());

        decision.Should().BeGranted()
            .And.Cite("5 ILCS 805/10")
            .And.Cite("Fed. R. Crim. P. 4")
            .And.NotCite("Oak Park Village Code")
            .And.Impose(Obligation.SupervisorToScene, "HSI is an immigration agency")
            .And.Impose(Obligation.RecordRequest);
    }

    [Fact]
    public void A_crime_on_the_scene_calls_for_police_action_but_not_for_helping_the_civil_operation()
    {
        var decision = OakPark.Policies.Decide(OakPark.RequestAt(Summer2025)
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.OnSceneSupport)
            .WithCircumstances(Circumstance.CrimeInProgress).Build());

        decision.Should().CallForPoliceAction()
            .And.Cite("general police power")
            .And.Cite("Oak Park Village Code 13-2-3(a)", "the underlying prohibition stays in the decision")
            .And.Impose(Obligation.SupervisorToScene);
    }

    [Fact]
    public void An_immigration_agency_that_will_not_state_its_purpose_is_referred()
    {
        // Oak Park has no presumption like Chicago's cpd-presume-civil: civil, the request is denied; criminal, it is
        // granted (805/15(i)); the facts cannot decide, so it is referred.
        var decision = OakPark.Policies.Decide(OakPark.RequestAt(Summer2025)
            .From(Requester.IceEro).ForPurpose(Purpose.Unknown).AskingFor(AssistanceKind.OnSceneSupport).Build());

        decision.Should().BeReferred()
            .And.Impose(Obligation.SupervisorToScene);
    }

    [Fact]
    public void A_detainer_hold_in_the_police_lockup_is_denied_and_the_person_released_when_eligible()
    {
        var decision = OakPark.Policies.Decide(OakPark.RequestAt(Summer2025)
            .From(Requester.IceEro).ForPurpose(Purpose.CivilImmigrationEnforcement).AskingFor(AssistanceKind.HoldPastRelease)
            .Presenting(Authority.ImmigrationDetainer).WithSubjectFacts(SubjectFact.InCustody).Build());

        decision.Should().BeDenied()
            .And.BeDecidedBy("il-805-15a")
            .And.Cite("5 ILCS 805/15(a)")
            .And.Cite("8 CFR 287.7(d)")
            .And.Impose(Obligation.ReleaseWhenEligible);
    }

    [Fact]
    public void An_FBI_task_force_gets_help_without_the_immigration_procedure()
    {
        var decision = OakPark.Policies.Decide(OakPark.RequestAt(Summer2025)
            .From(Requester.FederalCriminalAgency).ForPurpose(Purpose.CriminalInvestigation).AskingFor(AssistanceKind.JointCriminalInvestigation)
            .Build());

        decision.Should().BeGranted()
            .And.Cite("805/15(i)")
            .And.NotImpose(Obligation.SupervisorToScene, "the FBI is not an immigration agency")
            .And.NotImpose(Obligation.RecordRequest);
    }

    [Fact]
    public void A_USCIS_status_check_the_person_asked_for_is_left_to_agency_policy()
    {
        var decision = OakPark.Policies.Decide(OakPark.RequestAt(Summer2025)
            .From(Requester.Uscis).ForPurpose(Purpose.ImmigrationBenefit).AskingFor(AssistanceKind.ShareImmigrationStatus).Build());

        decision.Should().BeDiscretionary()
            .And.Cite("5 ILCS 805/5")
            .And.Cite("8 U.S.C. 1373")
            .And.NotImpose(Obligation.SupervisorToScene, "USCIS is not an immigration enforcement agency");
    }
}
