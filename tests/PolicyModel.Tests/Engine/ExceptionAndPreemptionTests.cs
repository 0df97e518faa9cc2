using static PolicyModel.Tests.Support.Requests;
using static PolicyModel.Tests.Support.TestPolicies;

namespace PolicyModel.Tests.Engine;

/// <summary>semantics.md sections 6 and 7: named exceptions, declared preemption in both directions, rule-level <c>preempts</c>.</summary>
public sealed class ExceptionAndPreemptionTests
{
    // A prohibition, a permission excepting it on written consent, and a carve-out excepting the permission on a
    // felony conviction, which revives the prohibition.
    private static readonly PolicySet Exceptions = Compile(
        Us(),
        State(
            Rule("st-ban", "prohibit", when: [When("assistance", "share-immigration-status")]),
            Rule("st-consent", "permit", when: [When("assistance", "share-immigration-status"), When("authority", "written-consent")], excepts: ["st-ban"],
                explains: "permits sharing with the person's written consent"),
            Rule("st-carve-out", "none", when: [Test("subjectFacts", "anyOf", "felony-conviction")], excepts: ["st-consent"])));

    private static AssistanceRequestBuilder Share() => Request("st").AskingFor(AssistanceKind.ShareImmigrationStatus);

    [Fact]
    public void Section_4_5_a_rule_counts_when_it_matches_and_no_counting_rule_excepts_it()
    {
        var decision = Exceptions.Decide(Share().Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal("st-ban");
    }

    [Fact]
    public void Section_4_5_an_exception_removes_the_excepted_rule_and_is_not_listed_as_preempted()
    {
        var decision = Exceptions.Decide(Share().Presenting(Authority.WrittenConsent).Build());

        decision.Outcome.Should().Be(Outcome.Granted);
        decision.Rules().Should().Equal("st-consent");
        decision.Preempted.Should().BeEmpty("excepted rules are not listed; the excepting rule appears instead");
        decision.Conflicts.Should().BeEmpty();
        decision.Explanation.Should().Contain("ST st-ban does not apply: ST st-consent permits sharing with the person's written consent");
    }

    [Fact]
    public void Section_4_5_an_exception_to_an_exception_revives_the_first_rule()
    {
        var decision = Exceptions.Decide(Share().Presenting(Authority.WrittenConsent).WithSubjectFacts(SubjectFact.FelonyConviction).Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal("st-ban", "st-carve-out");
        decision.Rules().Should().NotContain("st-consent");
    }

    [Fact]
    public void Section_4_5_an_exception_that_does_not_match_excepts_nothing()
    {
        // The carve-out matches but the permission it excepts does not: the prohibition counts, the carve-out is cited.
        var decision = Exceptions.Decide(Share().WithSubjectFacts(SubjectFact.FelonyConviction).Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Rules().Should().Equal("st-ban", "st-carve-out");
    }

    [Fact]
    public void Section_4_5_a_local_rule_may_except_a_rule_of_its_own_pack_or_a_nested_one()
    {
        var set = Compile(
            Us(),
            State(Rule("st-exception", "permit", when: [When("authority", "court-order")], excepts: ["ci-ban"])),
            County(),
            City(Rule("ci-ban", "prohibit")));

        set.Decide(Request("ci").Presenting(Authority.CourtOrder).Build()).Rules().Should().Equal("st-exception");
        set.Decide(Request("ci").Build()).Rules().Should().Equal("ci-ban");
    }

    [Fact]
    public void Section_4_5_floor_state_prohibit_preempts_city_permit_and_lists_it_in_preempted()
    {
        var set = Compile(
            Us(),
            Define("st", "state", "us",
                rules: [Rule("st-ban", "prohibit", when: [When("assistance", "inquire-immigration-status")])],
                preemption: [Floor("st-floor")]),
            County(),
            City(Rule("ci-consent", "permit", when: [When("assistance", "inquire-immigration-status"), When("authority", "written-consent")])));

        var decision = set.Decide(Request("ci").AskingFor(AssistanceKind.InquireImmigrationStatus).Presenting(Authority.WrittenConsent).Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.PreemptedRules().Should().Equal("ci-consent");
        decision.Rules().Should().Equal("st-ban");
        decision.Conflicts.Should().BeEmpty("a preempted rule no longer counts");
        decision.Explanation.Should().Contain("CI ci-consent is preempted by ST st-ban");
    }

    [Fact]
    public void Section_4_5_floor_leaves_stricter_local_rules_and_applies_only_when_the_state_prohibition_counts()
    {
        var set = Compile(
            Us(),
            Define("st", "state", "us",
                rules: [Rule("st-ban", "prohibit", from: "2021-08-02", when: [When("assistance", "inquire-immigration-status")])],
                preemption: [Floor()]),
            County(),
            City(
                Rule("ci-ban", "prohibit", when: [When("assistance", "inquire-immigration-status")]),
                Rule("ci-consent", "permit", when: [When("assistance", "inquire-immigration-status"), When("authority", "written-consent")], excepts: ["ci-ban"])));
        var asked = Request("ci").AskingFor(AssistanceKind.InquireImmigrationStatus).Presenting(Authority.WrittenConsent);

        var before = set.Decide(asked.ReceivedAt(Instant("2021-08-01T12:00:00-05:00")).Build());
        before.Outcome.Should().Be(Outcome.Granted);
        before.Preempted.Should().BeEmpty();

        var after = set.Decide(asked.ReceivedAt(Instant("2021-08-02T12:00:00-05:00")).Build());
        after.Outcome.Should().Be(Outcome.Denied);
        after.PreemptedRules().Should().Equal("ci-consent");

        // A stricter local rule is never preempted by a floor, and governs alone before the state law.
        var stricter = set.Decide(Request("ci", "2021-08-01T12:00:00-05:00").AskingFor(AssistanceKind.InquireImmigrationStatus).Build());
        stricter.Rules().Should().Equal("ci-ban");
        stricter.Preempted.Should().BeEmpty();
    }

    [Fact]
    public void Section_4_5_mandate_state_require_preempts_local_prohibit()
    {
        var set = Compile(
            Us(),
            Define("st", "state", "us",
                rules: [Rule("st-honour-detainer", "require", binds: ["jail"], when: [When("authority", "immigration-detainer")], obligations: ["inform-subject"])],
                preemption: [Mandate()]),
            County(Rule("co-no-holds", "prohibit", binds: ["sheriff", "jail"], when: [When("assistance", "hold-past-release")], obligations: ["release-when-eligible"])));

        var decision = set.Decide(Request("co").AddressedTo(Respondent.Jail).AskingFor(AssistanceKind.HoldPastRelease).Presenting(Authority.ImmigrationDetainer).Build());

        decision.Outcome.Should().Be(Outcome.Required);
        decision.PreemptedRules().Should().Equal("co-no-holds");
        decision.Rules().Should().Equal("st-honour-detainer");
        decision.Obligations.Should().Equal(Obligation.InformSubject);
    }

    [Fact]
    public void Section_4_5_mandate_state_permit_preempts_local_refer()
    {
        var set = Compile(
            Us(),
            Define("st", "state", "us",
                rules: [Rule("st-may-share", "permit", when: [When("assistance", "share-immigration-status")])],
                preemption: [Mandate()]),
            County(),
            City(Rule("ci-ask-counsel", "refer", when: [When("assistance", "share-immigration-status")])));

        var decision = set.Decide(Request("ci").AskingFor(AssistanceKind.ShareImmigrationStatus).Build());

        decision.Outcome.Should().Be(Outcome.Granted);
        decision.PreemptedRules().Should().Equal("ci-ask-counsel");
    }

    [Fact]
    public void Section_4_5_a_mandate_does_not_reach_layers_it_does_not_list_nor_effects_it_does_not_name()
    {
        var set = Compile(
            Us(),
            Define("st", "state", "us",
                rules: [Rule("st-require", "require")],
                preemption: [Preemption("mandate-city-only", ["require"], ["prohibit"], ["city"])]),
            County(Rule("co-ban", "prohibit", binds: ["sheriff"]), Rule("co-refer", "refer", binds: ["police"])),
            City(Rule("ci-ban", "prohibit")));

        set.Decide(Request("ci").Build()).PreemptedRules().Should().Equal("ci-ban");
        var county = set.Decide(Request("co").AddressedTo(Respondent.Sheriff).Build());
        county.Outcome.Should().Be(Outcome.Denied);
        county.Preempted.Should().BeEmpty();
        set.Decide(Request("co").Build()).Outcome.Should().Be(Outcome.Refer, "`refer` is not among the preempted effects");
    }

    [Fact]
    public void Section_4_1_1_federal_rules_never_override_a_local_prohibition_without_a_declaration()
    {
        var set = Compile(Us(Rule("us-permit", "permit")), State(), County(), City(Rule("ci-ban", "prohibit")));

        var decision = set.Decide(Request("ci").Build());

        decision.Outcome.Should().Be(Outcome.Denied);
        decision.Preempted.Should().BeEmpty();
    }

    [Fact]
    public void Section_4_5_rule_level_preempts_overrides_the_named_local_rule_while_the_preempting_rule_counts()
    {
        var set = Compile(
            Us(),
            State(Rule("st-void-local-limit", "permit", when: [When("assistance", "adopt-limiting-policy")], preempts: ["ci-limit"])),
            County(),
            City(Rule("ci-limit", "prohibit", binds: ["police", "local-government"])));

        var voided = set.Decide(Request("ci").AddressedTo(Respondent.LocalGovernment).AskingFor(AssistanceKind.AdoptLimitingPolicy).Build());
        voided.Outcome.Should().Be(Outcome.Granted);
        voided.PreemptedRules().Should().Equal("ci-limit");
        voided.Explanation.Should().Contain("CI ci-limit is preempted by ST st-void-local-limit");

        var standing = set.Decide(Request("ci").AddressedTo(Respondent.LocalGovernment).AskingFor(AssistanceKind.StopOrArrest).Build());
        standing.Outcome.Should().Be(Outcome.Denied);
        standing.Preempted.Should().BeEmpty();
    }

    [Fact]
    public void Section_4_5_preemption_is_applied_after_exceptions()
    {
        // The city permission is excepted by a city carve-out, so it never counts and is not listed as preempted.
        var set = Compile(
            Us(),
            Define("st", "state", "us", rules: [Rule("st-ban", "prohibit")], preemption: [Floor()]),
            County(),
            City(
                Rule("ci-allow", "permit"),
                Rule("ci-carve-out", "none", when: [Test("subjectFacts", "anyOf", "gang-database")], excepts: ["ci-allow"])));

        var excepted = set.Decide(Request("ci").WithSubjectFacts(SubjectFact.GangDatabase).Build());
        excepted.Preempted.Should().BeEmpty();
        excepted.Rules().Should().Equal("st-ban", "ci-carve-out");

        set.Decide(Request("ci").Build()).PreemptedRules().Should().Equal("ci-allow");
    }
}
